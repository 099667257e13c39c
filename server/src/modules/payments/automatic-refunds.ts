import type { EntityManager } from '@mikro-orm/postgresql';
import type { Effects } from '../../db/transaction.js';
import { PaymentEntity } from '../../entities/payment.entity.js';
import { emitWebhookEvent } from '../webhooks/webhook-events.js';

/** Who an automatic refund is recorded as made by. */
export const SYSTEM_REFUNDER = 'system:refund';

/**
 * Money taken for a session that cannot go on (cancelled, expired, a door that did not open
 * with no other compartment free) goes back on its own. The refund is recorded in the same
 * transaction as the change that causes it (REFUNDED, the reason, CANCEL_CHARGE: nothing stays
 * settled) and sent to the provider after the commit by `RefundSender`, with the payment's id as
 * the idempotency key, so a crash in between neither loses it nor sends it twice.
 * Returns how many payments were refunded.
 */
export async function refundSessionPayments(
  tx: EntityManager,
  _fx: Effects,
  sessionId: string,
  reason: string,
  at: Date,
  onlyPaymentId?: string,
): Promise<number> {
  const captured = await tx.find(
    PaymentEntity,
    { sessionId, status: 'CAPTURED', ...(onlyPaymentId ? { id: onlyPaymentId } : {}) },
    { lockMode: 3 },
  );
  for (const p of captured) {
    p.status = 'REFUNDED';
    p.refundedAt = at;
    p.refundReason = reason;
    p.refundedBy = SYSTEM_REFUNDER;
    p.refundEffect = 'CANCEL_CHARGE';
    p.refundAutomatic = true;
    p.refundSentAt = null;
    await emitWebhookEvent(
      tx,
      'payment.refunded',
      {
        paymentId: p.id,
        sessionId,
        amount: { amount: p.amount, currency: p.currency },
        provider: p.provider,
        reason,
        automatic: true,
      },
      at,
    );
  }
  return captured.length;
}
