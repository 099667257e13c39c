import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { sha256 } from './secrets.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PREFIX = 'LK1:';
/**
 * "LK1:" codes are the server's; "LS1:" codes are issued by a site's gateway for a deposit it
 * took while cut off (the same 160 random bits, a namespace the server never issues, so the two
 * never collide), and accepted here once the site has replayed the deposit.
 */
const FORMAT = /^L[KS]1:[A-Z2-7]{32}$/;

/**
 * The QR payload: "LK1:" and 32 base32 characters = 160 random bits from the OS CSPRNG, not
 * derived from any id. Upper-case base32 keeps the QR in alphanumeric mode (small, robust)
 * and survives keyboard-wedge scanners on any keyboard layout.
 */
export function newAccessCode(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return PREFIX + out;
}

/** Trims what scanners add (whitespace, lower case); anything else malformed is refused. */
export function normaliseAccessCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return FORMAT.test(code) ? code : null;
}

export const hashAccessCode = (code: string): string => sha256(code);

export function qrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
