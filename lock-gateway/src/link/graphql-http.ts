/** GraphQL over HTTP (fetch) with the gateway token; errors keep the server's code. */

/** A GraphQL error answered by the server, with its `extensions.code`. */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** The request did not get an answer (refused, reset, timeout, 5xx). */
export class TransportError extends Error {
  override readonly name = 'TransportError';
}

/** True when retrying later may succeed (no answer from the server). */
export function isTransportError(error: unknown): boolean {
  return error instanceof TransportError;
}

/**
 * True when the server failed unexpectedly (INTERNAL_SERVER_ERROR, e.g. a database
 * deadlock): our calls are idempotent, so a few retries are safe and usually succeed.
 */
export function isServerFault(error: unknown): boolean {
  return error instanceof GraphQLRequestError && (error.code === undefined || error.code === 'INTERNAL_SERVER_ERROR');
}

/** Posts one operation; returns `data` or throws GraphQLRequestError / TransportError. */
export async function postGraphQL<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 5000,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new TransportError((error as Error).message);
  }
  if (res.status >= 500 && res.status !== 500) throw new TransportError(`HTTP ${res.status}`);
  let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new TransportError(`HTTP ${res.status}: not JSON`);
  }
  const first = body.errors?.[0];
  if (first) throw new GraphQLRequestError(first.message, first.extensions?.code);
  if (!body.data) throw new TransportError(`HTTP ${res.status}: no data`);
  return body.data;
}
