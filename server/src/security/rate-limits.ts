import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { rateLimited } from '../errors/domain-error.js';
import type { Config } from '../config/config.js';

const WINDOW_SECONDS = 60;

/**
 * Attempt limits against guessing codes and passwords. A point is reserved before each
 * attempt (so aliased calls in one request each count, even when they run concurrently) and
 * handed back when the attempt was legitimate. With Redis the counts are shared by instances.
 */
export class RateLimits {
  private readonly failedScans: RateLimiterAbstract;
  private readonly logins: RateLimiterAbstract;
  private readonly publicCalls: RateLimiterAbstract;

  constructor(limits: Config['limits'], redis: Redis | null) {
    const make = (keyPrefix: string, points: number): RateLimiterAbstract =>
      redis
        ? new RateLimiterRedis({
            storeClient: redis,
            keyPrefix,
            points,
            duration: WINDOW_SECONDS,
            useRedisPackage: false,
            // Redis away: this instance counts alone rather than failing or stalling the attempt
            insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS }),
          })
        : new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
    this.failedScans = make('rl:scan', limits.failedScansPerMinute);
    this.logins = make('rl:login', limits.loginsPerMinute);
    this.publicCalls = make('rl:public', limits.publicCallsPerMinute);
  }

  /** Reserves one failed-scan point on every key (device and address); RATE_LIMITED when any is spent. */
  reserveScan(keys: string[]): Promise<Reservation> {
    return reserve(this.failedScans, keys);
  }

  reserveLogin(keys: string[]): Promise<Reservation> {
    return reserve(this.logins, keys);
  }

  /** Public (no credential) mutations: every call counts. */
  async consumePublic(ip: string): Promise<void> {
    await reserve(this.publicCalls, [`ip:${ip}`]);
  }
}

export interface Reservation {
  /** The attempt was legitimate: give the points back. */
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
