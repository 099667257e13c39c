import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { AlertType } from './alert.enums.js';

@Entity({ tableName: 'alert' })
export class AlertEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string' }) type!: AlertType;
  @Property({ type: 'uuid' }) siteId!: string;
  @Property({ type: 'uuid', nullable: true }) compartmentId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) sessionId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) gatewayId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) kioskId: string | null = null;
  @Property({ type: 'string' }) message!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) acknowledgedAt: Date | null = null;
  @Property({ type: 'string', nullable: true }) acknowledgedBy: string | null = null;
  /** The person who is on it (an active ADMIN or OPERATOR); null: nobody yet. */
  @Property({ type: 'uuid', nullable: true }) assigneeId: string | null = null;
  /** Resolved by a person (resolvedBy), or the condition ended by itself (a gateway back from an outage; resolvedBy null). */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) resolvedAt: Date | null = null;
  @Property({ type: 'string', nullable: true }) resolvedBy: string | null = null;
}
