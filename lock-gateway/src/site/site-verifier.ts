/**
 * Codes as the site judges them: the same normalisation as the server, and the verifier the
 * server sends in the replica (a hash of the code's hash, bound to the site), so the site
 * keeps nothing that opens a door by itself.
 */
import { createHash, randomBytes } from 'node:crypto';

/** The server's codes ("LK1:") and the site's own, issued for a deposit taken offline ("LS1:"). */
const FORMAT = /^L[KS]1:[A-Z2-7]{32}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Trims what scanners add (whitespace, lower case); anything else malformed is null. */
export function normaliseCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return FORMAT.test(code) ? code : null;
}

/**
 * A code for a deposit taken offline: "LS1:" and 160 random bits from the OS CSPRNG, the
 * server's format in a namespace the server never issues, so the two never collide.
 */
export function newSiteCode(): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of randomBytes(20)) {
    value = ((value << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `LS1:${out}`;
}

/** What the server stores and looks a code up by. */
export const codeHash = (code: string): string => sha256(code);

/** The verifier of `code` at `siteId`, as the server computes it from the stored hash. */
export function codeVerifier(siteId: string, code: string): string {
  return sha256(`lockers-site-verifier:v1:${siteId}:${sha256(code)}`);
}
