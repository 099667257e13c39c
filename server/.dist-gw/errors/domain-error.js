/** The one error type services throw; `formatError` turns it into a GraphQL error with its code. */
export class DomainError extends Error {
    constructor(code, message, extensions = {}) {
        super(message);
        this.code = code;
        this.extensions = extensions;
        this.name = 'DomainError';
    }
}
export const badInput = (field, message) => new DomainError('BAD_USER_INPUT', message, { field });
export const notFound = (what) => new DomainError('NOT_FOUND', `${what} not found`);
export const conflict = (message) => new DomainError('CONFLICT', message);
export const forbidden = (message = 'Not allowed') => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in or send a valid token') => new DomainError('UNAUTHENTICATED', message);
export const rateLimited = (retryAfterSeconds) => new DomainError('RATE_LIMITED', 'Too many attempts, try again later', { retryAfterSeconds });
//# sourceMappingURL=domain-error.js.map