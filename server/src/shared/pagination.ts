import { badInput } from '../errors/domain-error.js';

export const MAX_PAGE = 200;

/** `first` bounded to 1..200 (default 50). */
export function pageSize(first: number | null | undefined, fallback = 50): number {
  if (first == null) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
    throw badInput('first', `first must be between 1 and ${MAX_PAGE}`);
  return first;
}

/** Opaque cursors: base64url of a JSON tuple; a bad one is BAD_USER_INPUT on `after`. */
export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** What each position of a cursor holds; a forged cursor with the right length is still checked part by part. */
export type CursorPart = 'time' | 'uuid' | 'seq';

const PART_CHECKS: Record<CursorPart, (p: unknown) => boolean> = {
  time: (p) =>
    typeof p === 'string' &&
    p.length <= 40 &&
    /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(p) &&
    !Number.isNaN(Date.parse(p)),
  uuid: (p) =>
    typeof p === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(p),
  seq: (p) => typeof p === 'string' && /^\d{1,18}$/.test(p),
};

export function decodeCursor(
  cursor: string | null | undefined,
  shape: readonly CursorPart[],
): (string | number)[] | null {
  if (cursor == null) return null;
  try {
    if (cursor.length <= 512) {
      const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
      if (
        Array.isArray(parts) &&
        parts.length === shape.length &&
        parts.every((p, i) => PART_CHECKS[shape[i]!](p))
      ) {
        return parts as (string | number)[];
      }
    }
  } catch {
    // fall through
  }
  throw badInput('after', 'after is not a valid cursor');
}
