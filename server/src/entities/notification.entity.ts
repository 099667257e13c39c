import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export type NotificationChannel = 'EMAIL' | 'SMS';

/**
 * The outbox: written in the same transaction as the state change it reports, delivered
 * afterwards with retries. `dedupeKey` makes "one message per event" a constraint.
 */
@Entity({ tableName: 'notification' })
export class NotificationEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string' }) dedupeKey!: string;
  @Property({ type: 'string' }) channel!: NotificationChannel;
  @Property({ type: 'string' }) recipient!: string;
  @Property({ type: 'string' }) subject!: string;
  /** Cleared after delivery when `sensitive` (it holds a one-time code). */
  @Property({ type: 'text', nullable: true }) body: string | null = null;
  @Property({ type: 'boolean' }) sensitive = false;
  @Property({ type: 'uuid', nullable: true }) sessionId: string | null = null;
  @Property({ type: 'string' }) status: 'PENDING' | 'SENT' | 'FAILED' | 'LOGGED' = 'PENDING';
  @Property({ type: 'integer' }) attempts = 0;
  @Property({ type: 'Date', columnType: 'timestamptz' }) nextAttemptAt!: Date;
  @Property({ type: 'string', nullable: true }) lastError: string | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) sentAt: Date | null = null;
  /** When the row was handed to the job queue (null: the relay has not seen it yet). */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) enqueuedAt: Date | null = null;
}
