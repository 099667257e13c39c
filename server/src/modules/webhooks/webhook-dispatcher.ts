import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../observability/logger.js';
import type { Clock } from '../../shared/clock.js';
import type { Attempt } from '../../jobs/job-queue.js';
import { signWebhook, type WebhookSecrets } from './webhook-secret.js';
import { isIP } from 'node:net';
import { fetch, type Agent } from 'undici';
import { InternalAddressError, isInternalAddress, publicOnlyAgent } from '../../security/outbound-address.js';

type Row = {
  id: string;
  event: string;
  event_id: string;
  body: string;
  status: string;
  url: string;
  secret_encrypted: string;
  deleted_at: Date | null;
};

/**
 * Delivers one webhook, as a job of the durable queue: POSTs the stored body, signed, and keeps
 * every attempt. The delivery row is locked during the attempt and marked DELIVERED in the same
 * transaction, so a receiver that answered 2xx is never called again for that event. A non-2xx
 * answer or a network error is thrown, and the queue retries with exponential backoff.
 */
export class WebhookDispatcher {
  constructor(
    private readonly em: EntityManager,
    private readonly secrets: WebhookSecrets,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly timeoutMs: number,
    /** WEBHOOK_ALLOW_PRIVATE_ADDRESSES: receivers on loopback or private networks allowed. */
    private readonly allowInternal = false,
  ) {
    this.agent = publicOnlyAgent(allowInternal);
  }

  private readonly agent: Agent;

  /** An address literal never goes through the agent's lookup: it is checked here. */
  private checkLiteral(url: string): void {
    if (this.allowInternal) return;
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && isInternalAddress(host)) throw new InternalAddressError(host, host);
  }

  async deliver(id: string, attempt: Attempt): Promise<void> {
    const failure = await this.em.fork().transactional(async (tx) => {
      const [row] = await tx.execute<Row[]>(
        `select d.id, d.event, d.event_id, d.body, d.status, e.url, e.secret_encrypted, e.deleted_at
         from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id where d.id = ? for update of d`,
        [id],
      );
      if (!row || row.status !== 'PENDING') return null;
      if (row.deleted_at) {
        await tx.execute(
          `update webhook_delivery set status = 'FAILED', last_error = 'endpoint deleted' where id = ?`,
          [id],
        );
        return null;
      }
      const started = Date.now();
      const timestamp = Math.floor(this.clock.now().getTime() / 1000);
      const signature = signWebhook(this.secrets.decrypt(row.secret_encrypted), timestamp, row.body);
      let status: number | null = null;
      let error: string | null = null;
      try {
        this.checkLiteral(row.url);
        const res = await fetch(row.url, {
          dispatcher: this.agent,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'lockers-webhooks/1',
            'x-lockers-event': row.event,
            'x-lockers-delivery': row.id,
            'x-lockers-event-id': row.event_id,
            'x-lockers-timestamp': String(timestamp),
            'x-lockers-signature': `t=${timestamp},v1=${signature}`,
          },
          body: row.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        status = res.status;
        await res.body?.cancel();
        if (status < 200 || status >= 300) error = `receiver answered ${status}`;
      } catch (e) {
        // fetch reports "fetch failed": the cause says why (refused address, DNS, timeout)
        const cause = (e as { cause?: { message?: string } }).cause?.message;
        error = String(cause ? `${(e as Error).message}: ${cause}` : (e as Error).message).slice(0, 500);
      }
      const now = this.clock.now();
      await tx.execute(
        `insert into webhook_attempt (delivery_id, at, status_code, error, duration_ms) values (?, ?, ?, ?, ?)`,
        [id, now, status, error, Date.now() - started],
      );
      const last = attempt.retryCount >= attempt.retryLimit;
      const outcome = error === null ? 'DELIVERED' : last ? 'FAILED' : 'PENDING';
      await tx.execute(
        `update webhook_delivery set status = ?, attempts = attempts + 1, last_status_code = ?, last_error = ?, delivered_at = ? where id = ?`,
        [outcome, status, error, error === null ? now : null, id],
      );
      if (error === null) return null;
      this.logger.warn(
        { delivery: id, event: row.event, attempt: attempt.retryCount + 1, last, status, err: error },
        'webhook delivery failed',
      );
      return new Error(error);
    });
    if (failure) throw failure;
  }
}
