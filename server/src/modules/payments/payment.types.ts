import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, Money, money } from '../../graphql/common.types.js';
import type { PaymentEntity } from './payment.entity.js';

export const PaymentStatus = { PENDING: 'PENDING', CAPTURED: 'CAPTURED', DECLINED: 'DECLINED', CANCELLED: 'CANCELLED', REFUNDED: 'REFUNDED' } as const;
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

export type DemoPaymentOutcome = 'APPROVE' | 'DECLINE' | 'CANCEL';
export const DemoPaymentOutcome = { APPROVE: 'APPROVE', DECLINE: 'DECLINE', CANCEL: 'CANCEL' } as const;
registerEnumType(DemoPaymentOutcome, { name: 'DemoPaymentOutcome' });

@ObjectType('Payment')
export class PaymentView {
  @Field(() => ID) id!: string;
  @Field(() => ID) sessionId!: string;
  @Field(() => Money) amount!: Money;
  @Field(() => PaymentStatus) status!: keyof typeof PaymentStatus;
  @Field(() => String, { description: '"demo" (kiosk tap-card) or a card provider' }) provider!: string;
  @Field(() => String, { nullable: true, description: "What a card provider's widget needs; null for demo" }) clientSecret!: string | null;
  @Field(() => DateTime) createdAt!: Date;
  @Field(() => DateTime, { nullable: true }) capturedAt!: Date | null;
  @Field(() => DateTime, { nullable: true }) refundedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why an ADMIN refunded it' }) refundReason!: string | null;
  siteId?: string;
}

export const toPaymentView = (p: PaymentEntity): PaymentView => ({
  id: p.id,
  sessionId: p.sessionId,
  amount: money(p.amount, p.currency),
  status: p.status,
  provider: p.provider,
  clientSecret: p.clientSecret,
  createdAt: p.createdAt,
  capturedAt: p.capturedAt,
  refundedAt: p.refundedAt,
  refundReason: p.refundReason,
});
