import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
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
import { forbidden, notFound } from '../../errors/domain-error.js';
import { actorName, type Caller } from '../../auth/caller.js';
import type { Services } from '../../container/services.js';

/** Who may pay for a session: staff, the kiosk of its site, or whoever holds its code. */
async function authorizePayer(
  caller: Caller,
  services: Services,
  sessionId: string,
  payload: string | null,
): Promise<void> {
  const session = await services.sessions.get(sessionId);
  if (!session) throw notFound('Session');
  if (caller.kind === 'user') return authorize(caller, 'sessions:write', session.siteId);
  if (caller.kind === 'kiosk') return authorize(caller, 'depositor:act', session.siteId);
  if (payload) {
    const byCode = await services.sessions.byCode(session.siteId, payload);
    if (byCode?.id === sessionId) return;
  }
  throw forbidden('Pay at the kiosk, or give the access code of this session');
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
    await authorizePayer(caller, services, id, payload ?? null);
    return toPaymentView(await services.payments.create(id));
  }

  @Mutation(() => PaymentView, { description: 'Demo provider only: the kiosk tap-card answer' })
  async confirmDemoPayment(
    @Arg('paymentId', () => ID) paymentId: string,
    @Arg('outcome', () => DemoPaymentOutcome) outcome: DemoPaymentOutcome,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<PaymentView> {
    const payment = await services.payments.get(parseId(paymentId, 'paymentId'));
    if (!payment) throw notFound('Payment');
    const session = await services.sessions.get(payment.sessionId);
    if (!session) throw notFound('Session');
    authorize(caller, 'payments:approve-demo', session.siteId);
    return toPaymentView(await services.payments.confirmDemo(payment.id, outcome));
  }

  @Query(() => PaymentView, { nullable: true })
  async payment(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<PaymentView | null> {
    const payment = await services.payments.get(parseId(id, 'id'));
    if (!payment) return null;
    await authorizePayer(caller, services, payment.sessionId, null);
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
