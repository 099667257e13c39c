import { print } from 'graphql';
import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import { KioskSitesDoc, SiteAvailabilityDoc } from '../../api/operations';

/**
 * Plain fetches with a token that is not saved yet (the app's Apollo client is built from the
 * saved one), so the set-up screen can check a token before keeping it.
 */
async function post<R, V>(doc: TypedDocumentNode<R, V>, variables: V, token: string): Promise<R | null> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(doc), variables }),
  });
  const body = (await res.json().catch(() => null)) as { data?: R; errors?: unknown[] } | null;
  if (!body || (body.errors && body.errors.length > 0)) return null;
  return body.data ?? null;
}

/** The one site this token sees, if the server answers with exactly one. */
export async function findKioskSite(token: string): Promise<string | null> {
  const data = await post(KioskSitesDoc, {}, token);
  return data && data.sites.length === 1 ? (data.sites[0]?.id ?? null) : null;
}

/** True when the server accepts the token and knows the site. */
export async function verifyKiosk(token: string, siteId: string): Promise<boolean> {
  const data = await post(SiteAvailabilityDoc, { siteId }, token);
  return Boolean(data?.site);
}
