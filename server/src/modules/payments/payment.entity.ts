import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export type PaymentStatus = 'PENDING' | 'CAPTURED' | 'DECLINED' | 'CANCELLED' | 'REFUNDED';

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
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) capturedAt: Date | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) refundedAt: Date | null = null;
  @Property({ type: 'string', nullable: true }) refundReason: string | null = null;
  @Property({ type: 'string', nullable: true }) refundedBy: string | null = null;
}
