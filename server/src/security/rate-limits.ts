import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { rateLimited } from '../errors/domain-error.js';
import type { Config } from '../config/config.js';

const MINUTE = 60;
const HOUR = 3600;
/** How long an address stays "known" for an account after a successful sign-in from it (under 2^31 ms: the in-memory store uses a timer). */
const KNOWN_FOR_SECONDS = 20 * 24 * HOUR;

/**
 * Attempt limits against guessing codes and passwords. With Redis the counts are shared by
 * instances. What counts is a failed outcome (a wrong code, a wrong password); a valid code
 * is never refused, and an error of our own (the database down) never counts. How many
 * attempts one request can carry is bounded elsewhere (one per operation: `attempt-fields.ts`).
 */
export class RateLimits {
  private readonly failedScans: RateLimiterAbstract;
  private readonly oneTimeCodes: RateLimiterAbstract;
  private readonly loginPairs: RateLimiterAbstract;
  private readonly loginAccounts: RateLimiterAbstract;
  private readonly knownAddresses: RateLimiterAbstract;
  private readonly publicCalls: RateLimiterAbstract;

  constructor(limits: Config['limits'], redis: Redis | null) {
    const make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract =>
      redis
        ? new RateLimiterRedis({
            storeClient: redis,
            keyPrefix,
            points,
            duration,
            useRedisPackage: false,
            // Redis away: this instance counts alone rather than failing or stalling the attempt
            insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
          })
        : new RateLimiterMemory({ keyPrefix, points, duration });
    this.failedScans = make('rl:scan', limits.failedScansPerMinute, MINUTE);
    this.oneTimeCodes = make('rl:otp', limits.failedScansPerMinute, MINUTE);
    this.loginPairs = make('rl:login', limits.loginsPerMinute, MINUTE);
    this.loginAccounts = make('rl:login-account', limits.loginsPerAccountPerHour, HOUR);
    this.knownAddresses = make('rl:login-known', 1, KNOWN_FOR_SECONDS);
    this.publicCalls = make('rl:public', limits.publicCallsPerMinute, MINUTE);
  }

  /**
   * Counts one failed scan (unknown code, wrong site) on every key (device and address);
   * RATE_LIMITED when any key is past its limit. Called after the code was checked, so a
   * valid code is never refused, however many arrive at once.
   */
  async countFailedScan(keys: string[]): Promise<void> {
    let refusedFor = 0;
    for (const key of keys) {
      try {
        await this.failedScans.consume(key);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        refusedFor = Math.max(refusedFor, e.msBeforeNext);
      }
    }
    if (refusedFor > 0) throw rateLimited(Math.ceil(refusedFor / 1000));
  }

  /** One-time codes are short: each attempt is reserved before it is checked, and handed back when it was right. */
  reserveOneTimeCode(keys: string[]): Promise<Reservation> {
    return reserve(this.oneTimeCodes, keys);
  }

  /**
   * A sign-in attempt, reserved before the password is checked (concurrent guesses each count):
   * per account and address, plus a slower per-account ceiling that applies only to addresses
   * the account never signed in from, so guesses from elsewhere cannot lock the owner out.
   */
  async reserveLogin(email: string, ip: string): Promise<Reservation> {
    const pair = `${email}|${ip}`;
    const known = (await this.knownAddresses.get(pair)) !== null;
    const pairAttempt = await reserve(this.loginPairs, [pair]);
    if (known) return pairAttempt;
    try {
      const accountAttempt = await reserve(this.loginAccounts, [email]);
      return {
        release: async () => void (await Promise.all([pairAttempt.release(), accountAttempt.release()])),
      };
    } catch (e) {
      await pairAttempt.release();
      throw e;
    }
  }

  /** After a successful sign-in: this address is known for this account. */
  async rememberLogin(email: string, ip: string): Promise<void> {
    await this.knownAddresses.set(`${email}|${ip}`, 1, KNOWN_FOR_SECONDS);
  }

  /** Public (no credential) mutations: every call counts. */
  async consumePublic(ip: string): Promise<void> {
    await reserve(this.publicCalls, [`ip:${ip}`]);
  }
}

export interface Reservation {
  /** The attempt was legitimate (or failed for a reason of ours): give the points back. */
  release(): Promise<void>;
}

async function reserve(limiter: RateLimiterAbstract, keys: string[]): Promise<Reservation> {
  const taken: string[] = [];
  try {
    for (const key of keys) {
      await limiter.consume(key);
      taken.push(key);
    }
  } catch (e) {
    await Promise.all(taken.map((k) => limiter.reward(k, 1)));
    if (e instanceof RateLimiterRes) throw rateLimited(Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
  return { release: async () => void (await Promise.all(keys.map((k) => limiter.reward(k, 1)))) };
}
