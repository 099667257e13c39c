/**
 * The public error contract: `extensions.code` of every error a client can see.
 * docs/errors.md lists them; a test keeps the two in sync.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: 'No credential, or a credential that is not valid.',
  FORBIDDEN: 'The caller is known but lacks the role, scope, site or device for this.',
  BAD_USER_INPUT:
    'An argument is malformed or out of range; `extensions.field` names it (a wrong one-time recovery code adds `extensions.attemptsLeft`).',
  NOT_FOUND: 'The id does not name anything the caller may see.',
  CONFLICT: 'The request clashes with the current state (e.g. a duplicate label).',
  RATE_LIMITED: 'Too many attempts; `extensions.retryAfterSeconds` says when to try again.',
  LOCK_UNAVAILABLE:
    "The lock cannot be driven now (its controller cannot be read, or the site's gateway is offline); nothing was started. `extensions.compartmentId` names it, `extensions.reason` says why (`GATEWAY_OFFLINE` with `gatewayName` and `lastSeenAt`, or `CONTROLLER_UNREACHABLE` with `gatewayName` and `endpoint`).",
  INTERNAL_SERVER_ERROR: 'Anything unexpected; details are logged, never sent.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
