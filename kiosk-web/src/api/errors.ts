import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** The error codes of the API (extensions.code), plus NETWORK for "could not reach the server". */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'LOCK_UNAVAILABLE'
  | 'NETWORK'
  | 'UNKNOWN';

const KNOWN = new Set<ApiErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  // the lockers' controller is out of reach: nothing opens until it is back
  'LOCK_UNAVAILABLE',
]);

/** Maps whatever Apollo threw to one code the screens can explain; the code is the contract, not the text. */
export function errorCode(error: unknown): ApiErrorCode {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.['code'];
    return typeof code === 'string' && KNOWN.has(code as ApiErrorCode) ? (code as ApiErrorCode) : 'UNKNOWN';
  }
  if (ServerError.is(error)) {
    // A 429 from a proxy in front of the API still means "slow down".
    if (error.statusCode === 429) return 'RATE_LIMITED';
    if (error.statusCode === 401) return 'UNAUTHENTICATED';
    return error.statusCode >= 500 ? 'NETWORK' : 'UNKNOWN';
  }
  if (error instanceof TypeError || (error instanceof Error && /fetch|network|socket/i.test(error.message)))
    return 'NETWORK';
  return 'UNKNOWN';
}

/** A number the server put in the first error's extensions (attemptsLeft, retryAfterSeconds), if any. */
export function errorNumber(error: unknown, name: string): number | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const value = error.errors[0]?.extensions?.[name];
  return typeof value === 'number' ? value : null;
}
