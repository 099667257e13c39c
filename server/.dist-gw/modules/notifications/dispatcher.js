const MAX_ATTEMPTS = 8;
const BATCH = 20;
/**
 * Delivers the outbox: claims due messages with SKIP LOCKED (several servers never send one
 * message twice), sends, and marks them; failures retry with exponential backoff.
 */
export class NotificationDispatcher {
    constructor(em, senders, clock, logger) {
        this.em = em;
        this.senders = senders;
        this.clock = clock;
        this.logger = logger;
    }
    async runOnce() {
        const em = this.em.fork();
        return em.transactional(async (tx) => {
            const rows = await tx.execute(`select id, channel, recipient, subject, body, sensitive, attempts from notification
         where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit ? for update skip locked`, [this.clock.now(), BATCH]);
            for (const row of rows) {
                try {
                    await this.senders[row.channel].send({ to: row.recipient, subject: row.subject, body: row.body ?? '' });
                    await tx.execute(`update notification set status = 'SENT', sent_at = ?, attempts = attempts + 1, body = case when sensitive then null else body end where id = ?`, [this.clock.now(), row.id]);
                }
                catch (e) {
                    const attempts = row.attempts + 1;
                    const backoffMs = Math.min(3_600_000, 2 ** attempts * 1000);
                    this.logger.warn({ id: row.id, attempts, err: e.message }, 'message delivery failed');
                    await tx.execute(`update notification set attempts = ?, last_error = ?, next_attempt_at = ?, status = ? where id = ?`, [attempts, String(e.message).slice(0, 500), new Date(this.clock.now().getTime() + backoffMs), attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING', row.id]);
                }
            }
            return rows.length;
        });
    }
}
//# sourceMappingURL=dispatcher.js.map