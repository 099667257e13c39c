import type { ErrorCode } from './error-codes.js';

/** The one error type services throw; `formatError` turns it into a GraphQL error with its code. */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string): DomainError =>
  new DomainError('BAD_USER_INPUT', message, { field });
export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string): DomainError => new DomainError('CONFLICT', message);
export const forbidden = (message = 'Not allowed'): DomainError => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in or send a valid token'): DomainError =>
  new DomainError('UNAUTHENTICATED', message);
export const lockUnavailable = (
  compartmentId: string | null,
  message: string,
  why: Record<string, unknown> = {},
): DomainError => new DomainError('LOCK_UNAVAILABLE', message, { compartmentId, ...why });
export const rateLimited = (retryAfterSeconds: number): DomainError =>
  new DomainError('RATE_LIMITED', 'Too many attempts, try again later', { retryAfterSeconds });
