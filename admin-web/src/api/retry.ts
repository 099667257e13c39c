// Queries that fail for a reason of the moment (the network, a 5xx from the server or a proxy
// in front of it) are tried again a few times before the page shows an error. Mutations are
// not: a second "open remotely" or "refund" must be the person's decision, not the client's.
import { ServerError } from '@apollo/client/errors';
import { RetryLink } from '@apollo/client/link/retry';
import { OperationTypeNode } from 'graphql';

/** Tries per query, the first included. */
export const QUERY_ATTEMPTS = 4;

/** A failure worth trying again: no answer at all, or a server-side (5xx) answer. */
export function isTransient(error: unknown): boolean {
  if (ServerError.is(error)) return error.statusCode >= 500;
  // fetch() rejects with a TypeError when no answer came (offline, refused, reset).
  return error instanceof TypeError;
}

/** Whether to try an operation again after `error`. */
export function shouldRetry(operationType: OperationTypeNode, error: unknown): boolean {
  return operationType === OperationTypeNode.QUERY && isTransient(error);
}

/** The link: 300 ms, then doubling with jitter, at most 3 s between tries. */
export function retryLink(): RetryLink {
  return new RetryLink({
    delay: { initial: 300, max: 3_000, jitter: true },
    attempts: {
      max: QUERY_ATTEMPTS,
      retryIf: (error, operation) => shouldRetry(operation.operationType, error),
    },
  });
}
