import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../context.js';
import {
  DemoPaymentOutcome,
  PaymentView,
  RefundEffect,
  RefundPreviewView,
  toPaymentView,
} from '../../modules/payments/payment.types.js';
import { money } from '../../shared/common.types.js';
import { parseId } from '../../shared/ids.js';
import { authorize } from '../../auth/authorize.js';
import { notFound } from '../../errors/domain-error.js';
import { authorizePayment, type PaymentAct } from '../../auth/payer-rights.js';
import { actorName, auditActor, type Caller } from '../../auth/caller.js';
import type { Services } from '../../container/services.js';

/**
 * Reads what the payer-rights rule needs: the session's site and whether the given code opens
 * this very session. A wrong code from the public page costs what a failed scan costs.
 */
async function authorizePayer(
  caller: Caller,
  services: Services,
  act: PaymentAct,
  sessionId: string,
  payload: string | null,
): Promise<void> {
  if (caller.kind === 'anonymous') await services.infra.limits.consumePublic(caller.ip);
  const session = await services.sessions.get(sessionId);
  if (!session) throw notFound('Session');
  const byCode = payload ? await services.sessions.byCode(session.siteId, payload) : null;
  if (payload && byCode?.id !== sessionId && caller.kind === 'anonymous')
    await services.infra.limits.countFailedScan([`ip:${caller.ip}`]);
  authorizePayment(caller, act, session.siteId, payload !== null, byCode?.id === sessionId);
}

@Resolver(() => PaymentView)
export class PaymentResolver {
  @Mutation(() => PaymentView)
  async createPayment(
    @Arg('sessionId', () => ID) sessionId: string,
    @Ctx() { caller, services }: GqlContext,
    @Arg('payload', () => String, { nullable: true }) payload?: string,
  ): Promise<PaymentView> {
    const id = parseId(sessionId, 'sessionId');
    await authorizePayer(caller, services, 'start', id, payload ?? null);
    return toPaymentView(await services.payments.create(id));
  }

  @Mutation(() => PaymentView, {
    description:
      "More storage time: starts a payment of `steps` times the session's extension step (StorageSession.extension); the due time moves when it is captured. Staff, the site's kiosk, or whoever gives the session's access code",
  })
  async createExtensionPayment(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('steps', () => Int) steps: number,
    @Ctx() { caller, services }: GqlContext,
    @Arg('payload', () => String, { nullable: true }) payload?: string,
  ): Promise<PaymentView> {
    const id = parseId(sessionId, 'sessionId');
    await authorizePayer(caller, services, 'start', id, payload ?? null);
    return toPaymentView(await services.payments.createExtension(id, steps));
  }

  @Mutation(() => PaymentView, {
    description:
      "Demo provider only: the tap-card answer, from the kiosk, an ADMIN, or whoever gives the session's access code (the phone page)",
  })
  async confirmDemoPayment(
    @Arg('paymentId', () => ID) paymentId: string,
    @Arg('outcome', () => DemoPaymentOutcome) outcome: DemoPaymentOutcome,
    @Ctx() { caller, services }: GqlContext,
    @Arg('payload', () => String, { nullable: true }) payload?: string,
  ): Promise<PaymentView> {
    const payment = await services.payments.get(parseId(paymentId, 'paymentId'));
    if (!payment) throw notFound('Payment');
    await authorizePayer(caller, services, 'approve-demo', payment.sessionId, payload ?? null);
    return toPaymentView(await services.payments.confirmDemo(payment.id, outcome, auditActor(caller)));
  }

  @Query(() => PaymentView, { nullable: true })
  async payment(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<PaymentView | null> {
    const payment = await services.payments.get(parseId(id, 'id'));
    if (!payment) return null;
    await authorizePayer(caller, services, 'start', payment.sessionId, null);
    return toPaymentView(payment);
  }

  @Mutation(() => PaymentView, {
    description:
      'ADMIN: refunds a captured payment in full, with its effect on the amount due (see RefundEffect); revenue drops by it; who did it is recorded',
  })
  async refundPayment(
    @Arg('paymentId', () => ID) paymentId: string,
    @Arg('reason', () => String) reason: string,
    @Arg('effect', () => RefundEffect) effect: keyof typeof RefundEffect,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<PaymentView> {
    authorize(caller, 'payments:refund');
    return toPaymentView(
      await services.payments.refund(parseId(paymentId, 'paymentId'), reason, effect, actorName(caller)),
    );
  }

  @Query(() => RefundPreviewView, {
    description: 'ADMIN: what refundPayment with this effect would leave due; changes nothing',
  })
  async refundPreview(
    @Arg('paymentId', () => ID) paymentId: string,
    @Arg('effect', () => RefundEffect) effect: keyof typeof RefundEffect,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<RefundPreviewView> {
    authorize(caller, 'payments:refund');
    const p = await services.payments.previewRefund(parseId(paymentId, 'paymentId'), effect);
    const m = (n: number) => money(n, p.payment.currency);
    return {
      payment: toPaymentView(p.payment),
      effect,
      refunded: m(p.payment.amount),
      amountDueNow: m(p.amountDueNow),
      amountDueAfter: m(p.amountDueAfter),
    };
  }
}
