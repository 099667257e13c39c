/**
 * Codes as the site judges them: the same normalisation as the server, and the verifier the
 * server sends in the replica (a hash of the code's hash, bound to the site), so the site
 * keeps nothing that opens a door by itself.
 */
import { createHash } from 'node:crypto';

const FORMAT = /^LK1:[A-Z2-7]{32}$/;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Trims what scanners add (whitespace, lower case); anything else malformed is null. */
export function normaliseCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return FORMAT.test(code) ? code : null;
}

/** The verifier of `code` at `siteId`, as the server computes it from the stored hash. */
export function codeVerifier(siteId: string, code: string): string {
  return sha256(`lockers-site-verifier:v1:${siteId}:${sha256(code)}`);
}
