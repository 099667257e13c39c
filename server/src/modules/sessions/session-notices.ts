import type { EntityManager } from '@mikro-orm/postgresql';
import type { StorageSessionEntity } from '../../entities/session.entity.js';
import type { SessionStatus } from '../../entities/session.state.js';
import { notifyContact } from '../notifications/outbox.js';
import { emitWebhookEvent } from '../webhooks/webhook-events.js';
import { paidFor } from '../payments/paid-amounts.js';
import { codeMessage, receiptMessage } from '../notifications/depositor-messages.js';
import { SiteEntity } from '../../entities/site.entity.js';
import { messageContext } from '../notifications/message-context.js';
import { localSiteName } from '../../shared/site-names.js';

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
 * A collected session gets a receipt by e-mail or SMS when something was stored, not disposed
 * of, and a contact was given. The kiosk reads the same rule to say a receipt is on its way.
 */
export function getsReceipt(s: {
  depositedAt: Date | null;
  disposedAt: Date | null;
  contactEmail: string | null;
  contactPhone: string | null;
}): boolean {
  return s.depositedAt !== null && s.disposedAt === null && !!(s.contactEmail || s.contactPhone);
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
  knownPaid?: number,
): Promise<void> {
  if (s.status === 'STORED' && from === 'DEPOSITING') {
    await emitWebhookEvent(tx, 'session.stored', sessionData(s), at);
  }
  if (s.status === 'COMPLETED') {
    const paid = knownPaid ?? (await paidFor(tx, s.id));
    await emitWebhookEvent(
      tx,
      'session.completed',
      { ...sessionData(s), paid: { amount: paid, currency: s.currency } },
      at,
    );
    if (s.depositedAt && getsReceipt(s)) {
      const text = receiptMessage(await messageContext(tx, s), {
        storedAt: s.depositedAt,
        collectedAt: s.retrievedAt ?? at,
        size: s.size,
        paid: { amount: paid, currency: s.currency },
        reference: s.id,
      });
      await notifyContact(
        tx,
        { email: s.contactEmail, phone: s.contactPhone },
        { dedupeKey: `receipt:${s.id}`, ...text, sessionId: s.id, at },
      );
    }
  }
}

/** Where a code is sent: the depositor's e-mail or phone on file. */
export type CodeChannel = 'EMAIL' | 'SMS';

/**
 * The code, as the kiosk showed it, to the depositor's e-mail and phone (when given), or only
 * to `only`, in their language: at issue and whenever it is replaced. Sensitive: the outbox
 * clears the body once sent.
 */
export async function sendAccessCode(
  tx: EntityManager,
  s: StorageSessionEntity,
  code: { payload: string; shortCode: string },
  at: Date,
  only?: CodeChannel,
): Promise<void> {
  const email = only === 'SMS' ? null : s.contactEmail;
  const phone = only === 'EMAIL' ? null : s.contactPhone;
  if (!email && !phone) return;
  await tx.flush(); // the session row first (a new one at issue): the notice's outbox rows refer to it
  const site = await tx.findOneOrFail(SiteEntity, s.siteId);
  const ctx = { language: s.language, siteName: localSiteName(site, s.language), timezone: site.timezone };
  const validFrom = s.opStartedAt ?? s.createdAt;
  const text = codeMessage(ctx, {
    shortCode: code.shortCode,
    payload: code.payload,
    validUntil:
      s.status === 'CREATED' ? new Date(validFrom.getTime() + site.codeLifetimeMinutes * 60_000) : null,
    dueAt: s.dueAt,
    price: { amount: s.price, currency: s.currency },
    includedMinutes: s.includedMinutes,
    overduePerHour: { amount: s.overduePerHour, currency: s.currency },
    reference: s.id,
  });
  await notifyContact(
    tx,
    { email, phone },
    { dedupeKey: `code:${s.id}:${at.getTime()}`, ...text, sensitive: true, sessionId: s.id, at },
  );
}
