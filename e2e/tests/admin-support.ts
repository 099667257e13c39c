/**
 * Helpers for the admin browser tests: the running stack (from the e2e harness), GraphQL over
 * HTTP, the simulator's control API, sign-in and screenshots.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { ARTIFACTS_DIR, harnessEnvSync, type HarnessEnv } from '../src/env.js';

/** The running system (started by the harness's global setup). */
export function stack(): HarnessEnv {
  return harnessEnvSync();
}

/** A GraphQL request; a GraphQL error rejects with an Error whose `code` is extensions.code. */
export async function gql<T>(
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(new URL('/graphql', stack().baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length) {
    const err = new Error(body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    (err as Error & { code?: string }).code = body.errors[0]?.extensions?.code;
    throw err;
  }
  return body.data as T;
}

/** The error code a request fails with, or 'OK'. */
export async function codeOf(request: Promise<unknown>): Promise<string> {
  return request.then(
    () => 'OK',
    (e: Error & { code?: string }) => e.code ?? e.message,
  );
}

/** One call to the simulator's control API. */
export async function sim<T>(method: 'GET' | 'POST', p: string): Promise<T> {
  const res = await fetch(new URL(p, stack().simControlUrl), { method });
  expect(res.ok, `simulator ${method} ${p}`).toBe(true);
  return (await res.json()) as T;
}

/** True once the simulator logged a pulse of (unit, coil) at or after `since`. */
export async function pulsed(unit: number, coil: number, since: number): Promise<boolean> {
  return (await sim<{ unitId: number; coil: number }[]>('GET', `/pulses?since=${since}`)).some(
    (p) => p.unitId === unit && p.coil === coil,
  );
}

/** Demo seed layout: bank A = unit 1, bank B = unit 2; XNN = coil/door input NN-1. */
export function modbusOf(label: string): { unit: number; input: number } {
  return { unit: label.startsWith('A') ? 1 : 2, input: Number(label.slice(1)) - 1 };
}

export const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

/** A bearer token for the seeded admin. */
export async function adminToken(): Promise<string> {
  const env = stack();
  return (await gql<{ login: { token: string } }>(null, LOGIN, { e: env.adminEmail, p: env.adminPassword }))
    .login.token;
}

/** Signs in through the form and waits for the live link. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(adminUrl());
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('who')).toContainText(email);
  await expect(page.getByTestId('connection-state')).toHaveText('Live');
}

/** The admin app's URL for a hash route, e.g. adminUrl('sessions', id). */
export function adminUrl(...route: string[]): string {
  return new URL(`/admin/${route.length ? `#/${route.join('/')}` : ''}`, stack().baseUrl).toString();
}

/** A full-page screenshot as e2e/artifacts/admin-<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `admin-${name}.png`), fullPage: true });
}

/** A screenshot of one element (a chart) as e2e/artifacts/admin-<name>.png. */
export async function shotOf(locator: Locator, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await locator.screenshot({ path: path.join(ARTIFACTS_DIR, `admin-${name}.png`) });
}

const ISSUE_WITH_CONTACT = `mutation($siteId: ID!, $size: CompartmentSize!, $contact: ContactInput) {
  issueAccessCode(siteId: $siteId, size: $size, contact: $contact) { session { id } code { payload } } }`;
const SCAN_CODE = `mutation($siteId: ID!, $payload: String!) {
  scanAccessCode(siteId: $siteId, payload: $payload) { outcome compartment { id label } } }`;

/** A session issued through the kiosk API (not yet scanned: it holds no compartment). */
export async function issueCode(
  email: string | null = null,
): Promise<{ sessionId: string; payload: string }> {
  const env = stack();
  const r = await gql<{ issueAccessCode: { session: { id: string }; code: { payload: string } } }>(
    env.kioskToken,
    ISSUE_WITH_CONTACT,
    {
      siteId: env.siteId,
      size: 'SMALL',
      contact: email ? { email } : null,
    },
  );
  return { sessionId: r.issueAccessCode.session.id, payload: r.issueAccessCode.code.payload };
}

/** Scans `payload`, expects `outcome`, then opens and closes the door in the simulator. */
async function doorCycle(
  adminToken: string,
  payload: string,
  outcome: string,
  sessionId: string,
  until: string,
): Promise<string> {
  const env = stack();
  const since = Date.now();
  const scan = await gql<{ scanAccessCode: { outcome: string; compartment: { label: string } | null } }>(
    env.kioskToken,
    SCAN_CODE,
    { siteId: env.siteId, payload },
  );
  expect(scan.scanAccessCode.outcome).toBe(outcome);
  const label = scan.scanAccessCode.compartment!.label;
  const { unit, input } = modbusOf(label);
  await expect.poll(() => pulsed(unit, input, since)).toBe(true);
  const view = async () =>
    (
      await gql<{ session: { status: string; compartment: { doorState: string } | null } }>(
        adminToken,
        'query($id: ID!) { session(id: $id) { status compartment { doorState } } }',
        { id: sessionId },
      )
    ).session;
  await sim('POST', `/doors/${unit}/${input}/open`);
  // Keep the door open until the gateway has reported it (it polls the inputs).
  await expect.poll(async () => (await view()).compartment?.doorState).toBe('OPEN');
  await sim('POST', `/doors/${unit}/${input}/close`);
  await expect.poll(async () => (await view()).status).toBe(until);
  return label;
}

/** A free (SMALL) deposit and collection through the kiosk API and the simulator, rated 4 with a comment. */
export async function depositCollectAndRate(
  adminToken: string,
  comment: string,
): Promise<{ sessionId: string; label: string }> {
  const { sessionId, payload } = await issueCode();
  const label = await doorCycle(adminToken, payload, 'UNLOCKING_FOR_DEPOSIT', sessionId, 'STORED');
  await doorCycle(adminToken, payload, 'UNLOCKING_FOR_RETRIEVAL', sessionId, 'COMPLETED');
  await gql(
    null,
    'mutation($p: String!, $c: String) { submitFeedback(payload: $p, rating: 4, comment: $c) }',
    { p: payload, c: comment },
  );
  return { sessionId, label };
}
