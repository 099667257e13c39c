import { createHmac, hash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';

/**
 * High-entropy secrets (device tokens, API keys, access codes: 256 bits) are stored as
 * sha256: a preimage search is hopeless and lookup stays one index probe. Low-entropy
 * secrets (passwords) use argon2id; one-time codes use an HMAC with the server key plus an
 * attempt limit. `hash` is the one-shot digest: no Hash object per call (every request's
 * credential is hashed for the authenticator's cache).
 */
export const sha256 = (secret: string): string => hash('sha256', secret, 'hex');

/** A random secret with a prefix saying what it is, e.g. `lkd_...` for a device token. */
export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

export const hashPassword = (password: string): Promise<string> => argonHash(password);
export const verifyPassword = (hash: string, password: string): Promise<boolean> =>
  argonVerify(hash, password).catch(() => false);

/** A six-digit code for people to type. */
export const newOneTimeCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const hmac = (key: string, value: string): string =>
  createHmac('sha256', key).update(value).digest('hex');

export function safeEqualHex(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'hex');
  const bb = Buffer.from(b, 'hex');
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export const DEVICE_TOKEN_PREFIX = 'lkd';
export const API_KEY_PREFIX = 'lkk';
