import { Gauge } from 'prom-client';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { Metrics } from '../observability/metrics.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { EventBus } from '../events/event-bus.js';

/**
 * What an operator of several instances watches, read when Prometheus scrapes (never on a
 * timer of its own): the job queue's depth and recent failures, the database pool, Redis.
 */
export function registerFleetMetrics(
  metrics: Metrics,
  deps: { queue: JobQueue; pool: Promise<Pool>; redis: Redis | null; bus: EventBus },
): void {
  const registers = [metrics.registry];
  new Gauge({
    name: 'locker_job_queue_jobs',
    help: 'Jobs of the delivery queues by state (failed: recent failures still retained)',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      for (const q of await deps.queue.stats().catch(() => [])) {
        this.set({ queue: q.name, state: 'ready' }, q.readyCount);
        this.set({ queue: q.name, state: 'deferred' }, q.deferredCount);
        this.set({ queue: q.name, state: 'active' }, q.activeCount);
        this.set({ queue: q.name, state: 'failed' }, q.failedCount);
      }
    },
  });
  new Gauge({
    name: 'locker_db_pool_connections',
    help: 'The API database pool of this instance: total, idle, and requests waiting for a connection',
    labelNames: ['state'],
    registers,
    async collect() {
      const pool = await deps.pool;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new Gauge({
    name: 'locker_redis_up',
    help: '1 when the Redis clients of this instance (rate limits, event bus) are connected; absent without Redis',
    registers,
    collect() {
      if (deps.redis) this.set(deps.redis.status === 'ready' && deps.bus.connected() ? 1 : 0);
    },
  });
}
