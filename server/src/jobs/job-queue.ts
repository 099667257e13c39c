import { PgBoss, type Job } from 'pg-boss';
import type { Logger } from '../observability/logger.js';

/** The queues of outbound deliveries. A job's id is the id of the outbox row it delivers. */
export const QUEUES = { notification: 'deliver-notification', webhook: 'deliver-webhook' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobQueueOptions {
  /** First retry delay; each further retry doubles it (with jitter), up to an hour. */
  retryDelaySeconds: number;
  retryLimit: number;
  pollIntervalMs: number;
}

/** What a handler learns about its attempt, to tell the last one from the others. */
export interface Attempt {
  retryCount: number;
  retryLimit: number;
}

export type JobHandler = (rowId: string, attempt: Attempt) => Promise<void>;

/**
 * A durable job queue in PostgreSQL (pg-boss, schema `pgboss`): jobs survive restarts, each is
 * handed to one worker across every server instance, and a handler that throws is retried
 * with exponential backoff. Ids are the outbox rows' ids, so enqueuing one twice is a no-op.
 */
export class JobQueue {
  /** Called for each failed delivery attempt (the failed-deliveries metric). */
  onFailure: ((queue: QueueName) => void) | null = null;

  private constructor(
    private readonly boss: PgBoss,
    private readonly opts: JobQueueOptions,
  ) {}

  static async start(databaseUrl: string, opts: JobQueueOptions, logger: Logger): Promise<JobQueue> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      max: 4,
      schedule: false,
      application_name: 'lockers-jobs',
    });
    boss.on('error', (err) => logger.error({ err }, 'job queue error'));
    await boss.start();
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of Object.values(QUEUES)) {
      if (existing.has(name)) continue;
      await boss
        .createQueue(name, {
          retryLimit: opts.retryLimit,
          retryDelay: opts.retryDelaySeconds,
          retryBackoff: true,
          retryDelayMax: 3600,
          expireInSeconds: 300,
        })
        .catch((e: unknown) => {
          // another instance created it between our read and our create
          if (!/exists/i.test(String((e as Error).message))) throw e;
        });
    }
    return new JobQueue(boss, opts);
  }

  /** Queues the delivery of one outbox row; a second call for the same row changes nothing. */
  async enqueue(queue: QueueName, rowId: string): Promise<void> {
    await this.boss.send(queue, { id: rowId }, { id: rowId });
  }

  /** Starts a worker on this instance; pg-boss hands each job to one worker of all instances. */
  async work(queue: QueueName, handler: JobHandler): Promise<void> {
    await this.boss.work<{ id: string }>(
      queue,
      { pollingIntervalSeconds: this.opts.pollIntervalMs / 1000, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job.data.id, this.attempt(job));
          } catch (e) {
            this.onFailure?.(queue);
            throw e;
          }
        }
      },
    );
  }

  /** Runs every job that is due now, once, on the caller's schedule (tests with a manual clock). */
  async drain(queue: QueueName, handler: JobHandler): Promise<number> {
    let done = 0;
    for (;;) {
      const jobs = await this.boss.fetch<{ id: string }>(queue, { batchSize: 20 });
      if (jobs.length === 0) return done;
      for (const job of jobs) {
        try {
          await handler(job.data.id, this.attempt(job));
          await this.boss.complete(queue, job.id);
        } catch (e) {
          this.onFailure?.(queue);
          await this.boss.fail(queue, job.id, { message: String((e as Error).message) });
        }
        done++;
      }
    }
  }

  /** Depth and recent failures of each delivery queue (for /metrics). */
  async stats() {
    return this.boss.getQueues(Object.values(QUEUES));
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 5000 });
  }

  private attempt(job: Job<{ id: string }>): Attempt {
    return { retryCount: job.retryCount, retryLimit: this.opts.retryLimit };
  }
}
