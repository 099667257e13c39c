import { randomInt } from 'node:crypto';
import { sha256 } from './secrets.js';
import { hashAccessCode, normaliseAccessCode } from './access-code.js';

/**
 * Letters and digits that cannot be mistaken for one another on a ticket or a keypad: no 0/O,
 * 1/I/L. 31 symbols, 8 of them: 31^8 ≈ 8.5 × 10^11 codes (≈ 39.6 bits).
 */
export const SHORT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SHORT_CODE_LENGTH = 8;
const FORMAT = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/** A short code for typing at the kiosk, from the OS CSPRNG; shown as "ABCD-EFGH". */
export function newShortCode(): string {
  let out = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i++)
    out += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** Drops what people type between groups (spaces, dashes) and upper-cases; anything else malformed is refused. */
export function normaliseShortCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  return FORMAT.test(code) ? code : null;
}

/**
 * Stored only as this hash, which names the site: a short code is unique among one site's open
 * sessions (a partial unique index), so the same eight characters may be in use elsewhere.
 */
export const hashShortCode = (siteId: string, code: string): string => sha256(`short:${siteId}:${code}`);

/** How a typed or scanned code finds its session: the QR payload anywhere, the short code at its site. */
export type CodeMatch = { codeHash: string } | { siteId: string; shortCodeHash: string };

/**
 * The match for a QR payload or, at `siteId`, a short code; null when it is neither (INVALID_CODE).
 * Short codes are for the kiosk's keypad (and staff): the public phone page takes only the QR
 * payload, so guessing a short code needs a kiosk, whose failed scans are limited.
 */
export function matchCode(siteId: string, payload: string, allowShort = true): CodeMatch | null {
  const qr = normaliseAccessCode(payload);
  if (qr) return { codeHash: hashAccessCode(qr) };
  if (!allowShort) return null;
  const short = normaliseShortCode(payload);
  return short ? { siteId, shortCodeHash: hashShortCode(siteId, short) } : null;
}
