import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'gateway' })
export class GatewayEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) siteId!: string;
  @Property({ type: 'string' }) name!: string;
  /** sha256 of the device token; the token itself is shown once and never stored. */
  @Property({ type: 'string', lazy: true }) tokenHash!: string;
  /** Open command subscriptions, on every server; online needs one and a fresh lastSeenAt. */
  @Property({ type: 'integer' }) connections = 0;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) lastSeenAt: Date | null = null;
  @Property({ type: 'boolean' }) offlineAlerted = false;
  /** Dashboards were told its presence expired (reset by its next heartbeat). */
  @Property({ type: 'boolean' }) absentAnnounced = false;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
}
