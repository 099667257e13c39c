import { badInput } from '../errors/domain-error.js';

export const MAX_PAGE = 200;

/** `first` bounded to 1..200 (default 50). */
export function pageSize(first: number | null | undefined, fallback = 50): number {
  if (first == null) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `first must be between 1 and ${MAX_PAGE}`);
  return first;
}

/** Opaque cursors: base64url of a JSON tuple; a bad one is BAD_USER_INPUT on `after`. */
export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): (string | number)[] | null {
  if (cursor == null) return null;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === arity && parts.every((p) => typeof p === 'string' || typeof p === 'number')) {
      return parts;
    }
  } catch {
    // fall through
  }
  throw badInput('after', 'after is not a valid cursor');
}
