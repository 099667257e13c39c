import type { Redis } from 'ioredis';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import { migrateDatabase, openDatabase, type Orm } from '../db/orm.js';
import { acquireAdvisoryLock, LOCKS } from '../db/advisory-lock.js';
import type { EmbeddedDatabase } from '../db/embedded-postgres.js';
import { createEventBus, type EventBus } from '../events/event-bus.js';
import { JobQueue } from '../jobs/job-queue.js';
import { redisErrorLog } from '../observability/redis-errors.js';

/** What the server runs on: its database (migrated), job queue, event bus and Redis. */
export interface Infrastructure {
  /** The database in use (the embedded one's when DATABASE_URL is unset). */
  readonly databaseUrl: string;
  readonly embedded: EmbeddedDatabase | null;
  readonly orm: Orm;
  readonly queue: JobQueue;
  readonly bus: EventBus;
  readonly redis: Redis | null;
}

/**
 * Opens the database (starting an embedded PostgreSQL without DATABASE_URL), applies
 * migrations when `migrate`, and connects the job queue, the event bus and Redis.
 */
export async function openInfrastructure(
  config: Config,
  logger: Logger,
  migrate: boolean,
): Promise<Infrastructure> {
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    // Loaded only when used: a development dependency, absent from production installs, whose
    // exit hook would also take SIGTERM from the graceful drain.
    const { startEmbeddedPostgres } = await import('../db/embedded-postgres.js');
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, logger);
    databaseUrl = embedded.url;
  }
  // Instances starting together take turns for the migrations, and again for the first-run
  // data (first-run.ts); the rest of the start (pg-boss locks its own schema changes) runs side by side.
  const orm = await openDatabase(databaseUrl);
  const releaseMigrations = await acquireAdvisoryLock(databaseUrl, LOCKS.startup);
  try {
    const applied = await migrateDatabase(orm, migrate);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
  } catch (e) {
    await orm.close(true);
    throw e;
  } finally {
    await releaseMigrations();
  }
  const queue = await JobQueue.start(databaseUrl, config.delivery, logger);
  const redisErrors = redisErrorLog(logger);
  const bus = await createEventBus(config.redisUrl, {
    prefix: config.redisPrefix,
    onListenerError: (err) => logger.error({ err }, 'event listener failed'),
    onRedisError: redisErrors,
  });
  // Commands fail at once while Redis is away (no offline queue): a scan must not wait 15 s on
  // a rate-limit count; the limits fall back to this instance's memory meanwhile.
  const redis = config.redisUrl
    ? new (await import('ioredis')).Redis(config.redisUrl, {
        keyPrefix: config.redisPrefix,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: 2000,
      })
    : null;
  redis?.on('error', redisErrors);
  return { databaseUrl, embedded, orm, queue, bus, redis };
}
