import type { EntityManager } from '@mikro-orm/postgresql';
import type { Effects } from '../db/transaction.js';
import { recordAudit } from '../db/audit-trail.js';
import type { AuditActor } from '../entities/audit-entry.entity.js';
import { AlertEntity } from '../entities/alert.entity.js';
import type { PaymentEntity } from '../entities/payment.entity.js';
import type { StorageSessionEntity } from '../entities/session.entity.js';
import { resolveEndedAlert } from '../modules/alerts/alert.raiser.js';
import { announceChangedView } from '../modules/compartments/compartment.state.js';
import { refundSessionPayments } from '../modules/payments/automatic-refunds.js';
import { overdueFee } from '../modules/sessions/charges.js';
import { extendedDueAt } from '../modules/sessions/extension-terms.js';

/**
 * A captured extension moves the session's due time, in the capture's own transaction (the
 * payment and the session are locked by then). Only here does the due time move: never when
 * the payment starts, never for a declined or cancelled one, once however often it is confirmed.
 */
export async function applyExtension(
  tx: EntityManager,
  fx: Effects,
  session: StorageSessionEntity,
  payment: PaymentEntity,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const minutes = payment.extensionMinutes ?? 0;
  if (session.status !== 'STORED' || !session.dueAt || session.abandonedAt || minutes <= 0) {
    // Collected, cancelled or taken out while the card was being read: the time is of no use.
    await refundSessionPayments(
      tx,
      fx,
      session.id,
      'more time was paid for a bag no longer stored',
      now,
      payment.id,
    );
    return;
  }
  const before = session.dueAt;
  // The late hours so far stay charged: the new due time no longer counts them.
  session.earlierOverdueFee = overdueFee({ ...session, paid: 0 }, now);
  session.dueAt = extendedDueAt(before, minutes, now);
  // The rules that judge by the due time start over for the new one (deadline-rules.ts):
  // a reminder before it, and if late again, an overdue alert and escalation again.
  session.reminderSent = false;
  session.overdueAlerted = false;
  session.securityAlerted = false;
  const late = await tx.find(AlertEntity, {
    sessionId: session.id,
    type: { $in: ['OVERDUE', 'SECURITY_ESCALATION'] },
    resolvedAt: null,
  });
  for (const a of late) resolveEndedAlert(fx, a, now);
  // Boards show the overdue badge from the session: tell them it is gone.
  if (session.compartmentId) await announceChangedView(tx, fx, session.compartmentId);
  await recordAudit(tx, {
    actor,
    action: 'session.extended',
    siteId: session.siteId,
    subjectType: 'session',
    subjectId: session.id,
    summary: `Storage extended by ${minutes} minutes (payment ${payment.id})`,
    before: { dueAt: before.toISOString() },
    after: {
      dueAt: session.dueAt.toISOString(),
      paymentId: payment.id,
      earlierOverdueFee: session.earlierOverdueFee,
    },
  });
}
