import { badInput } from '../errors/domain-error.js';
export const MAX_PAGE = 200;
/** `first` bounded to 1..200 (default 50). */
export function pageSize(first, fallback = 50) {
    if (first == null)
        return fallback;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
        throw badInput('first', `first must be between 1 and ${MAX_PAGE}`);
    return first;
}
/** Opaque cursors: base64url of a JSON tuple; a bad one is BAD_USER_INPUT on `after`. */
export function encodeCursor(parts) {
    return Buffer.from(JSON.stringify(parts)).toString('base64url');
}
export function decodeCursor(cursor, arity) {
    if (cursor == null)
        return null;
    try {
        const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        if (Array.isArray(parts) && parts.length === arity && parts.every((p) => typeof p === 'string' || typeof p === 'number')) {
            return parts;
        }
    }
    catch {
        // fall through
    }
    throw badInput('after', 'after is not a valid cursor');
}
//# sourceMappingURL=pagination.js.map