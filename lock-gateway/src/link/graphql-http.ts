/** GraphQL over HTTP (fetch) with the gateway token; errors keep the server's code. */
import type { ServerEndpoints } from './server-endpoints.js';

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
 * deadlock) or asked for the call later (RATE_LIMITED: too many of this gateway's batches
 * waiting): our calls are idempotent, so retries are safe and usually succeed. Anything else
 * with a code is a refusal of the call itself.
 */
export function isServerFault(error: unknown): boolean {
  return (
    error instanceof GraphQLRequestError &&
    (error.code === undefined || error.code === 'INTERNAL_SERVER_ERROR' || error.code === 'RATE_LIMITED')
  );
}

/**
 * Posts one operation; returns `data` or throws GraphQLRequestError / TransportError. Given
 * several instances, a call that gets no answer is tried once on each of the others (the
 * gateway's calls are idempotent) and the one that answered stays current.
 */
export async function postGraphQL<T>(
  url: string | ServerEndpoints,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 5000,
): Promise<T> {
  if (typeof url === 'string') return postOnce<T>(url, token, query, variables, timeoutMs);
  let lastError: unknown;
  for (let tried = 0; tried < url.size; tried++) {
    const endpoint = url.current;
    try {
      return await postOnce<T>(endpoint.graphqlUrl, token, query, variables, timeoutMs);
    } catch (error) {
      if (!isTransportError(error)) throw error;
      lastError = error;
      url.failed(endpoint);
    }
  }
  throw lastError;
}

async function postOnce<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  timeoutMs: number,
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
    // fetch says only "fetch failed": the cause names it (ECONNREFUSED, a timeout, ...)
    const e = error as Error & { cause?: { code?: string; message?: string } };
    throw new TransportError(e.cause?.code ?? e.cause?.message ?? e.message);
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
