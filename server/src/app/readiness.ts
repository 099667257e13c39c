import type { Redis } from 'ioredis';
import type { Orm } from '../db/orm.js';
import type { EventBus } from '../events/event-bus.js';

export interface Readiness {
  ready: boolean;
  status: string;
  checks: Record<string, 'ok' | 'down' | 'timeout'>;
}

/** Each dependency gets this long: a readiness probe that hangs is a probe that fails late. */
const CHECK_MS = 1000;

async function check(work: () => Promise<unknown>): Promise<'ok' | 'down' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), CHECK_MS)));
  try {
    return await Promise.race([work().then(() => 'ok' as const), timeout]);
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * /readyz: every configured dependency answers, in parallel and bounded; a draining instance
 * is not ready whatever its dependencies say.
 */
export function readinessCheck(orm: Orm, redis: Redis | null, bus: EventBus) {
  return async (draining: boolean): Promise<Readiness> => {
    const [database, redisCheck] = await Promise.all([
      check(() => orm.em.fork().execute('select 1')),
      redis
        ? check(() => (bus.connected() ? redis.ping() : Promise.reject(new Error('event bus disconnected'))))
        : Promise.resolve(null),
    ]);
    const checks: Readiness['checks'] = { database };
    if (redisCheck) checks.redis = redisCheck;
    const failing = Object.entries(checks).filter(([, v]) => v !== 'ok');
    if (draining) return { ready: false, status: 'draining', checks };
    if (failing.length > 0)
      return { ready: false, status: `${failing.map(([k]) => k).join(', ')} unavailable`, checks };
    return { ready: true, status: 'ready', checks };
  };
}
