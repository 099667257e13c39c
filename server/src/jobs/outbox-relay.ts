import type { EntityManager } from '@mikro-orm/postgresql';
import { QUEUES, type JobQueue } from './job-queue.js';

/** Outbox tables and the queue that delivers their rows. */
const OUTBOXES = [
  { table: 'notification', queue: QUEUES.notification },
  { table: 'webhook_delivery', queue: QUEUES.webhook },
] as const;

const BATCH = 200;

/**
 * Hands outbox rows to the job queue. Rows are written in the transaction of the state change
 * they report, so a crash right after that commit loses nothing: the next pass (here or on
 * another instance) picks them up. Rows are claimed FOR UPDATE SKIP LOCKED and a job's id is
 * the row's id, so a row is queued once even if we die between the send and our commit.
 */
export async function relayOutboxes(em: EntityManager, queue: JobQueue, now: Date): Promise<number> {
  let relayed = 0;
  for (const { table, queue: name } of OUTBOXES) {
    relayed += await em.fork().transactional(async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `select id from ${table} where status = 'PENDING' and enqueued_at is null order by created_at limit ${BATCH} for update skip locked`,
      );
      for (const row of rows) await queue.enqueue(name, row.id);
      if (rows.length > 0) {
        await tx.execute(
          `update ${table} set enqueued_at = ? where id in (${rows.map(() => '?').join(',')})`,
          [now, ...rows.map((r) => r.id)],
        );
      }
      return rows.length;
    });
  }
  return relayed;
}
