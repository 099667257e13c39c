import type { EntityManager } from '@mikro-orm/postgresql';
import type { StorageSessionEntity } from '../../entities/session.entity.js';
import type { SessionStatus } from '../../entities/session.state.js';
import { notifyContact } from '../notifications/outbox.js';
import { emitWebhookEvent } from '../webhooks/webhook-events.js';
import { paidFor } from '../payments/paid-amounts.js';
import { formatMoney } from '@lockers/common';
import { MESSAGE_LOCALE } from '../../shared/message-locale.js';

/** What integrations see of a session (CRM: who stored what, where, when). */
export function sessionData(s: StorageSessionEntity): Record<string, unknown> {
  return {
    sessionId: s.id,
    siteId: s.siteId,
    size: s.size,
    status: s.status,
    compartmentId: s.compartmentId,
    depositedAt: s.depositedAt?.toISOString() ?? null,
    dueAt: s.dueAt?.toISOString() ?? null,
    retrievedAt: s.retrievedAt?.toISOString() ?? null,
    contact: { email: s.contactEmail, phone: s.contactPhone },
  };
}

/**
 * Called by `moveSession` inside the transaction of every status change: webhooks for a stored
 * and a completed session, and the depositor's receipt at completion, all through the outbox.
 */
export async function onSessionMoved(
  tx: EntityManager,
  s: StorageSessionEntity,
  from: SessionStatus,
  at: Date,
): Promise<void> {
  if (s.status === 'STORED' && from === 'DEPOSITING') {
    await emitWebhookEvent(tx, 'session.stored', sessionData(s), at);
  }
  if (s.status === 'COMPLETED') {
    const paid = await paidFor(tx, s.id);
    await emitWebhookEvent(
      tx,
      'session.completed',
      { ...sessionData(s), paid: { amount: paid, currency: s.currency } },
      at,
    );
    if (s.depositedAt && !s.disposedAt) {
      const minutes = Math.round(((s.retrievedAt ?? at).getTime() - s.depositedAt.getTime()) / 60_000);
      await notifyContact(
        tx,
        { email: s.contactEmail, phone: s.contactPhone },
        {
          dedupeKey: `receipt:${s.id}`,
          subject: 'Your locker receipt',
          body: [
            'Thank you for using our lockers.',
            `Stored: ${s.depositedAt.toISOString()}`,
            `Collected: ${(s.retrievedAt ?? at).toISOString()} (${Math.floor(minutes / 60)} h ${minutes % 60} min)`,
            `Size: ${s.size}`,
            `Paid: ${formatMoney({ amount: paid, currency: s.currency }, MESSAGE_LOCALE)}`,
            `Reference: ${s.id}`,
          ].join('\n'),
          sessionId: s.id,
          at,
        },
      );
    }
  }
}
