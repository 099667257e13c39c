import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../events/event-bus.js';
import { transact, type Effects } from '../../db/transaction.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../observability/logger.js';
import { PaymentEntity } from './payment.entity.js';
import { StorageSessionEntity } from '../sessions/session.entity.js';
import { badInput, conflict, notFound } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { amountDue } from '../sessions/charges.js';
import { announceSession, paidFor } from '../sessions/session-moves.js';
import type { DemoPaymentOutcome } from './payment.types.js';
import type { PaymentProvider, ProviderOutcome } from './payment-provider.js';
import { emitWebhookEvent } from '../webhooks/webhook-events.js';

export interface PaymentProviders {
  /** The provider new payments use. */
  active: PaymentProvider;
  /** Every provider by name, for refunds of payments made before a switch. */
  byName: Record<string, PaymentProvider>;
}

/**
 * Payments for a session's amount due. `amountDue` drops only on a captured payment; a payment
 * is settled once (a second confirmation, demo or webhook, changes nothing); a refund puts the
 * amount back on the session and comes off revenue.
 */
export class PaymentService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly providers: PaymentProviders,
    private readonly logger: Logger,
  ) {}

  async create(sessionId: string): Promise<PaymentEntity> {
    const id = newId();
    const provider = this.providers.active;
    return transact(this.em, this.bus, async (tx) => {
      const session = await tx.findOne(StorageSessionEntity, sessionId, { lockMode: 3 });
      if (!session) throw notFound('Session');
      const due = amountDue({ ...session, paid: await paidFor(tx, session.id) }, this.clock.now());
      if (due === 0) throw conflict('Nothing is due for this session');
      // a retried request (the answer was lost) gets the payment already waiting, not a second one
      const waiting = await tx.findOne(PaymentEntity, { sessionId, status: 'PENDING', amount: due, provider: provider.name, createdAt: { $gt: new Date(this.clock.now().getTime() - 15 * 60_000) } }, { orderBy: { createdAt: 'desc' } });
      if (waiting) return waiting;
      const started = await provider.start(due, session.currency, id);
      return tx.create(PaymentEntity, {
        id,
        sessionId,
        amount: due,
        currency: session.currency,
        provider: provider.name,
        providerRef: started.providerRef,
        clientSecret: started.clientSecret,
        status: 'PENDING',
        createdAt: this.clock.now(),
      } as PaymentEntity);
    });
  }

  /** The demo provider's answer. Confirming a settled payment again changes nothing. */
  async confirmDemo(paymentId: string, outcome: DemoPaymentOutcome): Promise<PaymentEntity> {
    return transact(this.em, this.bus, async (tx, fx) => {
      const payment = await tx.findOne(PaymentEntity, paymentId, { lockMode: 3 });
      if (!payment) throw notFound('Payment');
      if (payment.provider !== 'demo') throw conflict('Only demo payments are confirmed this way');
      await this.settle(tx, fx, payment, outcome === 'APPROVE' ? 'CAPTURED' : outcome === 'DECLINE' ? 'DECLINED' : 'CANCELLED');
      return payment;
    });
  }

  /** A card provider's verified webhook. Unknown references are ignored (another system's payments). */
  async settleFromProvider(provider: string, outcome: ProviderOutcome): Promise<PaymentEntity | null> {
    return transact(this.em, this.bus, async (tx, fx) => {
      const payment = await tx.findOne(PaymentEntity, { provider, providerRef: outcome.providerRef }, { lockMode: 3 });
      if (!payment) {
        this.logger.warn({ provider, providerRef: outcome.providerRef }, 'provider event for an unknown payment');
        return null;
      }
      if (outcome.status === 'CAPTURED' && outcome.amount !== null && outcome.amount < payment.amount) {
        this.logger.error({ payment: payment.id, expected: payment.amount, received: outcome.amount }, 'provider captured less than the payment: not counted');
        return payment;
      }
      await this.settle(tx, fx, payment, outcome.status);
      return payment;
    });
  }

  /** ADMIN: gives a captured payment back; the session owes it again and revenue drops by it. */
  async refund(paymentId: string, reason: string, actor: string): Promise<PaymentEntity> {
    const why = reason.trim();
    if (why.length < 1 || why.length > 500) throw badInput('reason', 'reason must be 1 to 500 characters');
    return transact(this.em, this.bus, async (tx, fx) => {
      const payment = await tx.findOne(PaymentEntity, paymentId, { lockMode: 3 });
      if (!payment) throw notFound('Payment');
      if (payment.status === 'REFUNDED') throw conflict('This payment has already been refunded');
      if (payment.status !== 'CAPTURED') throw conflict('Only a captured payment can be refunded');
      const provider = this.providers.byName[payment.provider];
      if (!provider) throw conflict(`Payments by ${payment.provider} cannot be refunded from here`);
      // Inside the row lock: two ADMINs refunding at once make one provider call.
      await provider.refund(payment.providerRef ?? '', payment.amount, payment.id);
      payment.status = 'REFUNDED';
      payment.refundedAt = this.clock.now();
      payment.refundReason = why;
      payment.refundedBy = actor;
      await tx.flush();
      await announceSession(tx, fx, await tx.findOneOrFail(StorageSessionEntity, payment.sessionId));
      return payment;
    });
  }

  get(id: string): Promise<PaymentEntity | null> {
    return this.em.fork().findOne(PaymentEntity, id);
  }

  forSession(sessionId: string): Promise<PaymentEntity[]> {
    return this.em.fork().find(PaymentEntity, { sessionId }, { orderBy: { createdAt: 'asc' } });
  }

  /** PENDING to its outcome, once; settled payments stay as they are. */
  private async settle(tx: EntityManager, fx: Effects, payment: PaymentEntity, status: ProviderOutcome['status']): Promise<void> {
    if (payment.status !== 'PENDING') return;
    payment.status = status;
    const now = this.clock.now();
    if (status === 'CAPTURED') payment.capturedAt = now;
    await tx.flush();
    const session = await tx.findOneOrFail(StorageSessionEntity, payment.sessionId);
    if (status === 'CAPTURED') {
      const data = { paymentId: payment.id, sessionId: session.id, siteId: session.siteId, size: session.size, amount: { amount: payment.amount, currency: payment.currency }, provider: payment.provider };
      await emitWebhookEvent(tx, 'payment.captured', data, now);
    }
    await announceSession(tx, fx, session);
  }
}
