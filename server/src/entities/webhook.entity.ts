import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A receiver an ADMIN registered for chosen events. Deleting keeps the row (deliveries refer to it). */
@Entity({ tableName: 'webhook_endpoint' })
export class WebhookEndpointEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string' }) url!: string;
  @Property({ type: 'string', nullable: true }) description: string | null = null;
  @Property({ type: 'string[]', columnType: 'text[]' }) events!: string[];
  /** The signing secret, encrypted (see webhook-secret.ts); never exposed after creation. */
  @Property({ type: 'text', lazy: true }) secretEncrypted!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'string' }) createdBy!: string;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) deletedAt: Date | null = null;
}

/** One event for one endpoint: the outbox row the queue delivers, with the exact body signed. */
@Entity({ tableName: 'webhook_delivery' })
export class WebhookDeliveryEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) endpointId!: string;
  @Property({ type: 'uuid' }) eventId!: string;
  @Property({ type: 'string' }) event!: string;
  @Property({ type: 'text' }) body!: string;
  @Property({ type: 'string' }) status: 'PENDING' | 'DELIVERED' | 'FAILED' = 'PENDING';
  @Property({ type: 'integer' }) attempts = 0;
  @Property({ type: 'integer', nullable: true }) lastStatusCode: number | null = null;
  @Property({ type: 'string', nullable: true }) lastError: string | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) enqueuedAt: Date | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) deliveredAt: Date | null = null;
}
