import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export type PaymentStatus = 'PENDING' | 'CAPTURED' | 'DECLINED' | 'CANCELLED' | 'REFUNDED';
/**
 * What a refund does to the amount due: WAIVE_FEE gives the money back and the fee stays settled
 * (forgiven: nobody is asked to pay it again); CANCEL_CHARGE voids the charge (it is due again).
 */
export type RefundEffect = 'WAIVE_FEE' | 'CANCEL_CHARGE';
/**
 * What a payment is for: FEE pays the session's price and overdue fee (what `amountDue` asks);
 * EXTENSION buys more storage time and never counts towards the fee.
 */
export type PaymentKind = 'FEE' | 'EXTENSION';

@Entity({ tableName: 'payment' })
export class PaymentEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) sessionId!: string;
  @Property({ type: 'integer' }) amount!: number;
  @Property({ type: 'string' }) currency!: string;
  @Property({ type: 'string' }) provider!: string;
  @Property({ type: 'string', nullable: true }) providerRef: string | null = null;
  @Property({ type: 'string', nullable: true }) clientSecret: string | null = null;
  @Property({ type: 'string' }) status: PaymentStatus = 'PENDING';
  @Property({ type: 'string' }) kind: PaymentKind = 'FEE';
  /** EXTENSION only: the minutes it adds to the due time once captured. */
  @Property({ type: 'integer', nullable: true }) extensionMinutes: number | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) capturedAt: Date | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) refundedAt: Date | null = null;
  @Property({ type: 'string', nullable: true }) refundReason: string | null = null;
  @Property({ type: 'string', nullable: true }) refundedBy: string | null = null;
  @Property({ type: 'string', nullable: true }) refundEffect: RefundEffect | null = null;
  /** Made by the system (a session that could not go on), not by a person. */
  @Property({ type: 'boolean' }) refundAutomatic = false;
  /** When the provider confirmed the refund; null while it is still to be sent. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) refundSentAt: Date | null = null;
  /** The time of the latest provider event applied: an older one arriving later is ignored. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) providerEventAt: Date | null = null;
}
