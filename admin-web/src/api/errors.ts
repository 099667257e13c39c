// The API's error contract is `extensions.code`; the UI maps codes to words here.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** The first GraphQL error code in `error`, if any. */
export function errorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

const WORDS: Record<string, string> = {
  UNAUTHENTICATED: 'Your sign-in has expired. Please sign in again.',
  FORBIDDEN: 'Your role does not allow this.',
  NOT_FOUND: 'Not found.',
  CONFLICT: 'That conflicts with the current state. Reload and try again.',
  RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
};

/** A short message to show for a failed request. */
export function errorMessage(error: unknown): string {
  const code = errorCode(error);
  // The server says what it refused and why (which input, which gateway is offline): shown as is.
  if ((code === 'BAD_USER_INPUT' || code === 'LOCK_UNAVAILABLE') && CombinedGraphQLErrors.is(error)) {
    return error.errors[0]?.message ?? 'Invalid input.';
  }
  if (code && WORDS[code]) return WORDS[code];
  // Queries were already retried (api/retry.ts): say what failed and what to do, not "Failed to fetch".
  if (ServerError.is(error) && error.statusCode >= 500)
    return `The server could not answer just now (error ${error.statusCode}). Try again in a moment.`;
  if (error instanceof TypeError)
    return 'Cannot reach the server: check the network connection, then try again.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
