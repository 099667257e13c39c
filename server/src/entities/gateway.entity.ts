import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'gateway' })
export class GatewayEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) siteId!: string;
  @Property({ type: 'string' }) name!: string;
  /** sha256 of the device token; the token itself is shown once and never stored. */
  /** null: revoked, no token works until a new one is issued. */
  @Property({ type: 'string', lazy: true, nullable: true }) tokenHash: string | null = null;
  /** The token before the last rotation, still accepted until `previousTokenUntil`. */
  @Property({ type: 'string', lazy: true, nullable: true }) previousTokenHash: string | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) previousTokenUntil: Date | null =
    null;
  /** Open command subscriptions, on every server; online needs one and a fresh lastSeenAt. */
  @Property({ type: 'integer' }) connections = 0;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) lastSeenAt: Date | null = null;
  @Property({ type: 'boolean' }) offlineAlerted = false;
  /** Dashboards were told its presence expired (reset by its next heartbeat). */
  @Property({ type: 'boolean' }) absentAnnounced = false;
  /** When it last read its site replica: it runs the site path and keeps opening stored bags while cut off. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) sitePathAt: Date | null = null;
  /** Offline events its site journal still held at its last replay (it replays them on reconnect). */
  @Property({ type: 'integer' }) offlineEventsWaiting = 0;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
}
