import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../events/event-bus.js';
import { transact, type Effects } from '../db/transaction.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../observability/logger.js';
import { PaymentEntity, type RefundEffect } from '../entities/payment.entity.js';
import { StorageSessionEntity } from '../entities/session.entity.js';
import { SiteEntity } from '../entities/site.entity.js';
import { badInput, conflict, notFound } from '../errors/domain-error.js';
import { newId } from '../shared/ids.js';
import { amountDue } from '../modules/sessions/charges.js';
import { announceSession } from '../modules/sessions/session-moves.js';
import { paidFor } from '../modules/payments/paid-amounts.js';
import type { DemoPaymentOutcome } from '../modules/payments/payment.types.js';
import type { PaymentProvider, ProviderOutcome } from '../modules/payments/payment-provider.js';
import { emitWebhookEvent } from '../modules/webhooks/webhook-events.js';
import { holdCompartment } from './compartment-hold.js';
import { refundSessionPayments } from '../modules/payments/automatic-refunds.js';
import { nextPaymentStatus } from '../modules/payments/payment-state.js';
import { extensionTerms, MAX_EXTENSION_STEPS } from '../modules/sessions/extension-terms.js';
import { ruleActor, type AuditActor } from '../entities/audit-entry.entity.js';
import { applyExtension } from './storage-extension.js';

/** Who a provider's webhook is recorded as, when its capture changes a session. */
const PROVIDER_ACTOR = ruleActor('payment-provider');

export interface PaymentProviders {
  /** The provider new payments use. */
  active: PaymentProvider;
  /** Every provider by name, for refunds of payments made before a switch. */
  byName: Record<string, PaymentProvider>;
}

/** What a refund would do to a session's amount due, shown to the operator before confirming. */
export interface RefundPreview {
  payment: PaymentEntity;
  effect: RefundEffect;
  amountDueNow: number;
  amountDueAfter: number;
}

/**
 * Payments for a session's amount due. A CREATED session pays only while it holds a
 * compartment (hold before charge); `amountDue` drops on a captured payment; a provider's
 * events move a payment by the rules of payment-state.ts; a refund says what it does to the
 * amount due (WAIVE_FEE: stays settled; CANCEL_CHARGE: due again) and comes off revenue.
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
    return transact(this.em, this.bus, async (tx) => {
      const session = await tx.findOne(StorageSessionEntity, sessionId, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      if (!session) throw notFound('Session');
      const now = this.clock.now();
      const due = amountDue({ ...session, paid: await paidFor(tx, session.id) }, now);
      if (due === 0) throw conflict('Nothing is due for this session');
      if (session.status === 'CREATED') {
        // No compartment held, no charge: the scan holds one first (or says none is free).
        if (!session.compartmentId || !session.holdUntil || session.holdUntil <= now)
          throw conflict('Scan the code at the kiosk first: a compartment is held for you before you pay');
      }
      return this.start(tx, session, now, { kind: 'FEE', amount: due, extensionMinutes: null });
    });
  }

  /**
   * Starts a payment for more storage time: `steps` of the session's tariff step (its included
   * period at its price, extension-terms.ts). Only a stored bag with nothing owed extends: an
   * overdue session pays its fee first. The due time moves when the payment is captured.
   */
  async createExtension(sessionId: string, steps: number): Promise<PaymentEntity> {
    if (!Number.isInteger(steps) || steps < 1 || steps > MAX_EXTENSION_STEPS)
      throw badInput('steps', `steps must be a whole number from 1 to ${MAX_EXTENSION_STEPS}`);
    return transact(this.em, this.bus, async (tx) => {
      const session = await tx.findOne(StorageSessionEntity, sessionId, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      if (!session) throw notFound('Session');
      const terms = extensionTerms(session);
      if (!terms) throw conflict('This storage is free of charge: there is no more time to buy');
      if (session.status !== 'STORED' || !session.dueAt || session.abandonedAt)
        throw conflict('Only a bag in its locker can be given more time');
      const now = this.clock.now();
      if (amountDue({ ...session, paid: await paidFor(tx, session.id) }, now) > 0)
        throw conflict('Pay the overdue fee first, then extend');
      return this.start(tx, session, now, {
        kind: 'EXTENSION',
        amount: steps * terms.stepPrice,
        extensionMinutes: steps * terms.stepMinutes,
      });
    });
  }

  /** A new payment with the active provider, or the same one still waiting (a retried request). */
  private async start(
    tx: EntityManager,
    session: StorageSessionEntity,
    now: Date,
    what: Pick<PaymentEntity, 'kind' | 'amount' | 'extensionMinutes'>,
  ): Promise<PaymentEntity> {
    const provider = this.providers.active;
    // a retried request (the answer was lost) gets the payment already waiting, not a second one
    const waiting = await tx.findOne(
      PaymentEntity,
      {
        sessionId: session.id,
        status: 'PENDING',
        kind: what.kind,
        amount: what.amount,
        extensionMinutes: what.extensionMinutes,
        provider: provider.name,
        createdAt: { $gt: new Date(now.getTime() - 15 * 60_000) },
      },
      { orderBy: { createdAt: 'desc' } },
    );
    if (waiting) return waiting;
    const id = newId();
    const started = await provider.start(what.amount, session.currency, id);
    return tx.create(PaymentEntity, {
      id,
      sessionId: session.id,
      kind: what.kind,
      amount: what.amount,
      extensionMinutes: what.extensionMinutes,
      currency: session.currency,
      provider: provider.name,
      providerRef: started.providerRef,
      clientSecret: started.clientSecret,
      status: 'PENDING',
      createdAt: now,
    } as PaymentEntity);
  }

  /** The demo provider's answer. Confirming a settled payment again changes nothing. */
  async confirmDemo(
    paymentId: string,
    outcome: DemoPaymentOutcome,
    actor: AuditActor,
  ): Promise<PaymentEntity> {
    const status = outcome === 'APPROVE' ? 'CAPTURED' : outcome === 'DECLINE' ? 'DECLINED' : 'CANCELLED';
    return this.withLockedPayment({ id: paymentId }, async (tx, fx, payment) => {
      if (payment.provider !== 'demo') throw conflict('Only demo payments are confirmed this way');
      await this.settle(tx, fx, payment, { status, at: null, final: true }, actor);
      return payment;
    }).then((p) => p ?? Promise.reject(notFound('Payment')));
  }

  /** A card provider's verified webhook. Unknown references are ignored (another system's payments). */
  async settleFromProvider(provider: string, outcome: ProviderOutcome): Promise<PaymentEntity | null> {
    const payment = await this.withLockedPayment(
      { provider, providerRef: outcome.providerRef },
      async (tx, fx, payment) => {
        if (outcome.status === 'CAPTURED' && outcome.amount !== null && outcome.amount < payment.amount) {
          this.logger.error(
            { payment: payment.id, expected: payment.amount, received: outcome.amount },
            'provider captured less than the payment: not counted',
          );
          return payment;
        }
        await this.settle(
          tx,
          fx,
          payment,
          { status: outcome.status, at: outcome.at, final: false },
          PROVIDER_ACTOR,
        );
        return payment;
      },
    );
    if (!payment)
      this.logger.warn(
        { provider, providerRef: outcome.providerRef },
        'provider event for an unknown payment',
      );
    return payment;
  }

  /** What a refund with this effect would leave due; nothing changes. */
  async previewRefund(paymentId: string, effect: RefundEffect): Promise<RefundPreview> {
    const em = this.em.fork();
    const payment = await em.findOne(PaymentEntity, paymentId);
    if (!payment) throw notFound('Payment');
    const session = await em.findOneOrFail(StorageSessionEntity, payment.sessionId);
    const now = this.clock.now();
    const paid = await paidFor(em, session.id);
    // an extension never counted towards the fee: refunding it leaves the amount due as it is
    const counted = payment.status === 'CAPTURED' && payment.kind === 'FEE' ? payment.amount : 0;
    const paidAfter = effect === 'CANCEL_CHARGE' ? paid - counted : paid;
    return {
      payment,
      effect,
      amountDueNow: amountDue({ ...session, paid }, now),
      amountDueAfter: amountDue({ ...session, paid: paidAfter }, now),
    };
  }

  /**
   * ADMIN: gives a captured payment back. WAIVE_FEE: the fee stays settled (forgiven); the
   * traveller is not asked again. CANCEL_CHARGE: the charge is void and the amount due again.
   * Either way revenue drops by it. Who did it, why and with which effect is recorded.
   */
  async refund(
    paymentId: string,
    reason: string,
    effect: RefundEffect,
    actor: string,
  ): Promise<PaymentEntity> {
    const why = reason.trim();
    if (why.length < 1 || why.length > 500) throw badInput('reason', 'reason must be 1 to 500 characters');
    const done = await this.withLockedPayment({ id: paymentId }, async (tx, _fx, payment) => {
      if (payment.status === 'REFUNDED') throw conflict('This payment has already been refunded');
      if (payment.status !== 'CAPTURED') throw conflict('Only a captured payment can be refunded');
      const provider = this.providers.byName[payment.provider];
      if (!provider) throw conflict(`Payments by ${payment.provider} cannot be refunded from here`);
      // Inside the row lock: two ADMINs refunding at once make one provider call.
      await provider.refund(payment.providerRef ?? '', payment.amount, payment.id);
      const now = this.clock.now();
      Object.assign(payment, {
        status: 'REFUNDED',
        refundedAt: now,
        refundReason: why,
        refundedBy: actor,
        refundEffect: effect,
        refundAutomatic: false,
        refundSentAt: now,
      });
      if (effect === 'CANCEL_CHARGE') await this.holdOnlyForPaymentWindow(tx, payment.sessionId, now);
      await emitWebhookEvent(
        tx,
        'payment.refunded',
        {
          paymentId: payment.id,
          sessionId: payment.sessionId,
          amount: { amount: payment.amount, currency: payment.currency },
          provider: payment.provider,
          reason: why,
          effect,
          automatic: false,
        },
        now,
      );
      return payment;
    });
    if (!done) throw notFound('Payment');
    return done;
  }

  /**
   * Sends the automatic refunds recorded since the last pass to their providers (idempotency
   * key: the payment id, so a retry after a crash is not a second refund). Returns how many went.
   */
  async sendPendingRefunds(): Promise<number> {
    const due = await this.em
      .fork()
      .find(
        PaymentEntity,
        { status: 'REFUNDED', refundSentAt: null },
        { orderBy: { refundedAt: 'asc' }, limit: 50 },
      );
    let sent = 0;
    for (const p of due) {
      const provider = this.providers.byName[p.provider];
      if (!provider) {
        this.logger.error(
          { payment: p.id, provider: p.provider },
          'automatic refund: provider not configured here',
        );
        continue;
      }
      try {
        await provider.refund(p.providerRef ?? '', p.amount, p.id);
        await this.em
          .fork()
          .nativeUpdate(PaymentEntity, { id: p.id, refundSentAt: null }, { refundSentAt: this.clock.now() });
        sent++;
      } catch (e) {
        this.logger.warn(
          { err: e, payment: p.id },
          'automatic refund not sent yet; retried on the next pass',
        );
      }
    }
    return sent;
  }

  get(id: string): Promise<PaymentEntity | null> {
    return this.em.fork().findOne(PaymentEntity, id);
  }

  forSession(sessionId: string): Promise<PaymentEntity[]> {
    return this.em.fork().find(PaymentEntity, { sessionId }, { orderBy: { createdAt: 'asc' } });
  }

  /** Locks the session, then the payment (the order the scan and the timers use), and runs `fn`. */
  private async withLockedPayment<T>(
    where: Partial<Pick<PaymentEntity, 'id' | 'provider' | 'providerRef'>>,
    fn: (tx: EntityManager, fx: Effects, p: PaymentEntity) => Promise<T>,
  ): Promise<T | null> {
    return transact(this.em, this.bus, async (tx, fx) => {
      const found = await tx.findOne(PaymentEntity, where, { fields: ['id', 'sessionId'] });
      if (!found) return null;
      await tx.findOne(StorageSessionEntity, found.sessionId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const payment = await tx.findOneOrFail(PaymentEntity, found.id, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
        refresh: true,
      });
      const result = await fn(tx, fx, payment);
      await tx.flush();
      await announceSession(tx, fx, await tx.findOneOrFail(StorageSessionEntity, payment.sessionId));
      return result;
    });
  }

  /** A held compartment that is owed again is held only for the payment window, as before payment. */
  private async holdOnlyForPaymentWindow(tx: EntityManager, sessionId: string, now: Date): Promise<void> {
    const session = await tx.findOneOrFail(StorageSessionEntity, sessionId);
    if (session.status !== 'CREATED' || !session.compartmentId) return;
    const site = await tx.findOneOrFail(SiteEntity, session.siteId);
    session.holdUntil = new Date(now.getTime() + site.paymentWindowSeconds * 1000);
  }

  /**
   * Moves a payment by payment-state.ts. A captured fee keeps (or finds) the session's hold; a
   * captured extension moves the due time (storage-extension.ts).
   */
  private async settle(
    tx: EntityManager,
    fx: Effects,
    payment: PaymentEntity,
    event: { status: ProviderOutcome['status']; at: Date | null; final: boolean },
    actor: AuditActor,
  ): Promise<void> {
    const next = nextPaymentStatus(payment, event);
    if (!next) return;
    const now = this.clock.now();
    if (event.at) payment.providerEventAt = event.at;
    payment.status = next;
    if (next !== 'CAPTURED') return;
    payment.capturedAt = now;
    await tx.flush();
    const session = await tx.findOneOrFail(StorageSessionEntity, payment.sessionId);
    const data = {
      paymentId: payment.id,
      sessionId: session.id,
      siteId: session.siteId,
      size: session.size,
      amount: { amount: payment.amount, currency: payment.currency },
      provider: payment.provider,
      kind: payment.kind,
    };
    await emitWebhookEvent(tx, 'payment.captured', data, now);
    if (payment.kind === 'EXTENSION') return applyExtension(tx, fx, session, payment, actor, now);
    const paidBefore = (await paidFor(tx, session.id)) - payment.amount;
    if (amountDue({ ...session, paid: paidBefore }, now) === 0) {
      // Paid meanwhile by another payment (two attempts both went through): this one goes back.
      await refundSessionPayments(
        tx,
        fx,
        session.id,
        'paid twice: this payment was not needed',
        now,
        payment.id,
      );
      return;
    }
    if (session.status !== 'CREATED') return;
    const held = await holdCompartment(tx, fx, session, `payment:${payment.id}`, now);
    if (held.compartment)
      session.holdUntil = null; // paid: held until the deposit or the end of the code's life
    else
      await refundSessionPayments(
        tx,
        fx,
        session.id,
        'paid after its hold ran out, and no compartment is free',
        now,
      );
  }
}
