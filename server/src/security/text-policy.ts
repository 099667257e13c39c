import { badInput } from '../errors/domain-error.js';

/** The longest text any argument may carry, counted in visible characters. Fields set lower limits of their own. */
export const MAX_VISIBLE = 2000;
/** Invisible characters (joiners, marks) may pad a text this many times its visible length, no more. */
const MAX_RAW_FACTOR = 4;

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls (ANSI escapes start with ESC). */
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}
// embeddings, overrides and isolates: they reorder what a reader sees (names shown to staff, CSVs)
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// lone surrogates cannot be stored or shown
const LONE_SURROGATE = /\p{Surrogate}/u;
const VISIBLE = /[^\p{Cf}\p{M}\p{Z}\s]/u;
const INVISIBLE_GLOBAL = /[\p{Cf}\p{M}]/gu;

/**
 * The one policy for text from callers: control characters (NUL, ANSI escapes) and bidi
 * overrides are refused, text is NFC-normalised, a non-empty text must show something (not
 * only zero-width characters), and visible length is bounded. Secrets (passwords) are
 * checked but not normalised: their bytes are what was hashed. BAD_USER_INPUT names `field`.
 *
 * Most arguments are ids, codes and plain words: printable ASCII, for which every rule reduces
 * to one pass over the characters (nothing to normalise, no invisible or two-unit characters).
 * Any other text takes the general path; test/hardening/text-policy.test.ts holds both to the
 * same answers.
 */
export function checkText(value: string, field: string, opts: { secret?: boolean } = {}): string {
  let shows = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) shows = true;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return checkAnyText(value, field, opts);
  }
  if (value.length > 0 && !opts.secret && !shows) throw notVisible(field);
  if (value.length > MAX_VISIBLE) throw tooLong(field);
  return value;
}

/** `checkText` for any text: the general path, also taken by every text that is not printable ASCII. */
export function checkAnyText(value: string, field: string, opts: { secret?: boolean } = {}): string {
  if (hasControl(value)) throw badInput(field, `${field} must not contain control characters`);
  if (BIDI_CONTROL.test(value)) throw badInput(field, `${field} must not contain text-direction overrides`);
  if (LONE_SURROGATE.test(value)) throw badInput(field, `${field} is not valid Unicode`);
  const text = opts.secret ? value : value.normalize('NFC');
  if (text.length > 0 && !opts.secret && !VISIBLE.test(text)) throw notVisible(field);
  const visible = [...text.replace(INVISIBLE_GLOBAL, '')].length;
  if (visible > MAX_VISIBLE || text.length > MAX_VISIBLE * MAX_RAW_FACTOR) throw tooLong(field);
  return text;
}

const notVisible = (field: string) => badInput(field, `${field} must contain visible characters`);
const tooLong = (field: string) => badInput(field, `${field} must be at most ${MAX_VISIBLE} characters`);

/** Dates callers may send: none before 2000 or after 2100 (the year 0000 is a typo or a probe, never a booking). */
export const EARLIEST = Date.UTC(2000, 0, 1);
export const LATEST = Date.UTC(2100, 0, 1);

export function checkDate(value: Date, field: string): Date {
  const t = value.getTime();
  if (Number.isNaN(t) || t < EARLIEST || t >= LATEST)
    throw badInput(field, `${field} must be a date between 2000 and 2099`);
  return value;
}
