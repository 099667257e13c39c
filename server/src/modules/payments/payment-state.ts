import type { PaymentEntity, PaymentStatus } from '../../entities/payment.entity.js';

/** An outcome for a payment: from the demo tap-card (final) or a card provider's event. */
export interface PaymentEvent {
  status: 'CAPTURED' | 'DECLINED' | 'CANCELLED';
  /** When the provider created the event; null when it has no time (demo). */
  at: Date | null;
  /** The demo's answer ends the payment; a card provider's decline does not (see below). */
  final: boolean;
}

/**
 * The payment's state follows the provider's latest word on it, never a stale one:
 * - PENDING takes any outcome.
 * - A card provider's DECLINED is one failed attempt: the same PaymentIntent may still succeed
 *   or be cancelled (a later attempt), so DECLINED moves on to a newer CAPTURED or CANCELLED.
 * - CAPTURED, CANCELLED and REFUNDED are where an intent ends: nothing later changes them here
 *   (a refund is its own operation).
 * - An event older than the last one applied changes nothing (providers deliver out of order).
 * Returns the new status, or null when the event changes nothing.
 */
export function nextPaymentStatus(
  p: Pick<PaymentEntity, 'status' | 'providerEventAt'>,
  e: PaymentEvent,
): PaymentStatus | null {
  if (p.providerEventAt && e.at && e.at < p.providerEventAt) return null;
  if (p.status === 'PENDING') return e.status;
  if (p.status === 'DECLINED' && !e.final && e.status !== 'DECLINED') return e.status;
  return null;
}
