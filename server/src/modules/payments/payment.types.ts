import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, Money, money } from '../../shared/common.types.js';
import type { PaymentEntity } from '../../entities/payment.entity.js';

export const PaymentStatus = {
  PENDING: 'PENDING',
  CAPTURED: 'CAPTURED',
  DECLINED: 'DECLINED',
  CANCELLED: 'CANCELLED',
  REFUNDED: 'REFUNDED',
} as const;
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

export const RefundEffect = { WAIVE_FEE: 'WAIVE_FEE', CANCEL_CHARGE: 'CANCEL_CHARGE' } as const;
registerEnumType(RefundEffect, {
  name: 'RefundEffect',
  description: 'What a refund does to the amount due',
  valuesConfig: {
    WAIVE_FEE: {
      description:
        'Money back, and the fee stays settled (forgiven): the traveller is not asked to pay it again',
    },
    CANCEL_CHARGE: { description: 'Money back, and the charge is void: the amount is due again' },
  },
});

export const PaymentKind = { FEE: 'FEE', EXTENSION: 'EXTENSION' } as const;
registerEnumType(PaymentKind, {
  name: 'PaymentKind',
  description: 'What a payment is for',
  valuesConfig: {
    FEE: { description: "The session's price and overdue fee (what amountDue asks)" },
    EXTENSION: { description: 'More storage time; never counts towards the fee' },
  },
});

export type DemoPaymentOutcome = 'APPROVE' | 'DECLINE' | 'CANCEL';
export const DemoPaymentOutcome = { APPROVE: 'APPROVE', DECLINE: 'DECLINE', CANCEL: 'CANCEL' } as const;
registerEnumType(DemoPaymentOutcome, { name: 'DemoPaymentOutcome' });

@ObjectType('Payment')
export class PaymentView {
  @Field(() => ID) id!: string;
  @Field(() => ID) sessionId!: string;
  @Field(() => Money) amount!: Money;
  @Field(() => PaymentStatus) status!: keyof typeof PaymentStatus;
  @Field(() => PaymentKind) kind!: keyof typeof PaymentKind;
  @Field(() => Int, {
    nullable: true,
    description: 'EXTENSION: the minutes it adds to the due time once captured',
  })
  extensionMinutes!: number | null;
  @Field(() => String, { description: '"demo" (kiosk tap-card) or a card provider' }) provider!: string;
  @Field(() => String, { nullable: true, description: "What a card provider's widget needs; null for demo" })
  clientSecret!: string | null;
  @Field(() => DateTime) createdAt!: Date;
  @Field(() => DateTime, { nullable: true }) capturedAt!: Date | null;
  @Field(() => DateTime, { nullable: true }) refundedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was refunded (by an ADMIN, or automatically)' })
  refundReason!: string | null;
  @Field(() => RefundEffect, { nullable: true, description: 'What the refund did to the amount due' })
  refundEffect!: keyof typeof RefundEffect | null;
  @Field(() => String, {
    nullable: true,
    description: 'Who refunded it; system:refund for an automatic refund',
  })
  refundedBy!: string | null;
  @Field(() => Boolean, { description: 'Refunded by the system because the session could not go on' })
  refundAutomatic!: boolean;
  @Field(() => DateTime, {
    nullable: true,
    description: 'When the provider confirmed the refund; null while it is being sent',
  })
  refundSentAt!: Date | null;
  siteId?: string;
}

@ObjectType('RefundPreview', { description: 'What a refund would do, before it is made' })
export class RefundPreviewView {
  @Field(() => PaymentView) payment!: PaymentView;
  @Field(() => RefundEffect) effect!: keyof typeof RefundEffect;
  @Field(() => Money, { description: 'Money that goes back to the traveller' }) refunded!: Money;
  @Field(() => Money) amountDueNow!: Money;
  @Field(() => Money, { description: 'What the session would owe after the refund' }) amountDueAfter!: Money;
}

export const toPaymentView = (p: PaymentEntity): PaymentView => ({
  id: p.id,
  sessionId: p.sessionId,
  amount: money(p.amount, p.currency),
  status: p.status,
  kind: p.kind,
  extensionMinutes: p.extensionMinutes,
  provider: p.provider,
  clientSecret: p.clientSecret,
  createdAt: p.createdAt,
  capturedAt: p.capturedAt,
  refundedAt: p.refundedAt,
  refundReason: p.refundReason,
  refundEffect: p.refundEffect,
  refundedBy: p.refundedBy,
  refundAutomatic: p.refundAutomatic,
  refundSentAt: p.refundSentAt,
});
