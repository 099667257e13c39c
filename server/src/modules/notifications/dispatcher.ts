import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../observability/logger.js';
import type { Clock } from '../../shared/clock.js';
import type { Attempt } from '../../jobs/job-queue.js';
import type { Sender } from './senders.js';

type Row = {
  id: string;
  channel: 'EMAIL' | 'SMS';
  recipient: string;
  subject: string;
  body: string | null;
  status: string;
};

/**
 * Delivers one outbox message, as a job of the durable queue. The row is locked while it is
 * sent and marked SENT (or LOGGED, by an adapter that only logs) in the same transaction, so a second job for it (or a retry racing a
 * slow attempt) finds it SENT and sends nothing. A failure is recorded on the row and thrown,
 * so the queue retries with backoff; after the last attempt the row is FAILED.
 */
export class NotificationDispatcher {
  constructor(
    private readonly em: EntityManager,
    private readonly senders: { EMAIL: Sender; SMS: Sender },
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async deliver(id: string, attempt: Attempt): Promise<void> {
    const failure = await this.em.fork().transactional(async (tx) => {
      const [row] = await tx.execute<Row[]>(
        `select id, channel, recipient, subject, body, status from notification where id = ? for update`,
        [id],
      );
      if (!row || row.status !== 'PENDING') return null;
      try {
        // The Message-ID is the row's id: should a crash land between the SMTP server's
        // acceptance and our commit, the retry carries the same id and mail systems drop the copy.
        const delivery = await this.senders[row.channel].send({
          to: row.recipient,
          subject: row.subject,
          body: row.body ?? '',
          messageId: `<${row.id}@lockers.local>`,
        });
        await tx.execute(
          `update notification set status = ?, sent_at = ?, attempts = attempts + 1, body = case when sensitive then null else body end where id = ?`,
          [delivery, this.clock.now(), row.id],
        );
        return null;
      } catch (e) {
        const message = String((e as Error).message).slice(0, 500);
        const last = attempt.retryCount >= attempt.retryLimit;
        this.logger.warn(
          { id: row.id, attempt: attempt.retryCount + 1, last, err: message },
          'message delivery failed',
        );
        await tx.execute(
          `update notification set attempts = attempts + 1, last_error = ?, status = ? where id = ?`,
          [message, last ? 'FAILED' : 'PENDING', row.id],
        );
        return e as Error;
      }
    });
    if (failure) throw failure;
  }
}
