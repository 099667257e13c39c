import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../errors/domain-error.js';
const WINDOW_SECONDS = 60;
/**
 * Attempt limits against guessing codes and passwords. A point is reserved before each
 * attempt (so aliased calls in one request each count, even when they run concurrently) and
 * handed back when the attempt was legitimate. With Redis the counts are shared by instances.
 */
export class RateLimits {
    constructor(limits, redis) {
        const make = (keyPrefix, points) => redis
            ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration: WINDOW_SECONDS, useRedisPackage: false })
            : new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
        this.failedScans = make('rl:scan', limits.failedScansPerMinute);
        this.logins = make('rl:login', limits.loginsPerMinute);
        this.publicCalls = make('rl:public', limits.publicCallsPerMinute);
    }
    /** Reserves one failed-scan point on every key (device and address); RATE_LIMITED when any is spent. */
    reserveScan(keys) {
        return reserve(this.failedScans, keys);
    }
    reserveLogin(keys) {
        return reserve(this.logins, keys);
    }
    /** Public (no credential) mutations: every call counts. */
    async consumePublic(ip) {
        await reserve(this.publicCalls, [`ip:${ip}`]);
    }
}
async function reserve(limiter, keys) {
    const taken = [];
    try {
        for (const key of keys) {
            await limiter.consume(key);
            taken.push(key);
        }
    }
    catch (e) {
        await Promise.all(taken.map((k) => limiter.reward(k, 1)));
        if (e instanceof RateLimiterRes)
            throw rateLimited(Math.ceil(e.msBeforeNext / 1000));
        throw e;
    }
    return { release: async () => void (await Promise.all(keys.map((k) => limiter.reward(k, 1)))) };
}
//# sourceMappingURL=rate-limits.js.map