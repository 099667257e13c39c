import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'site' })
export class SiteEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string' }) name!: string;
  /** The phone page's short address, `/kiosk/phone/<slug>`; unique (site_slug_unique). */
  @Property({ type: 'string' }) slug!: string;
  /** The site's name per language (LocalNames); a language without one uses `name`. */
  @Property({ type: 'json' }) localNames: unknown = {};
  /** IANA zone; reports bucket by it and the kiosk shows due times in it. */
  @Property({ type: 'string' }) timezone!: string;
  @Property({ type: 'integer' }) codeLifetimeMinutes = 60;
  @Property({ type: 'integer' }) depositWindowSeconds = 120;
  @Property({ type: 'integer' }) leftOpenSeconds = 120;
  /** Days a session may stay overdue before it is marked abandoned. */
  @Property({ type: 'integer' }) abandonAfterDays = 7;
  @Property({ type: 'integer' }) unlockAckTimeoutSeconds = 10;
  @Property({ type: 'integer' }) gatewayHeartbeatSeconds = 30;
  @Property({ type: 'integer' }) pulseMs = 500;
  /** How long a compartment is held for a session while its payment is made (unpaid: released after). */
  @Property({ type: 'integer' }) paymentWindowSeconds = 300;
  /** How often a depositor may open mid-session (intent ACCESS); null: no limit. */
  @Property({ type: 'integer', nullable: true }) accessOpensPerSession: number | null = null;
  /** Help for travellers, set by the operator (modules/sites/site-help.service.ts): phone and opening hours. */
  @Property({ type: 'string', nullable: true }) helpPhone: string | null = null;
  @Property({ type: 'string', nullable: true }) helpHours: string | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
  /** Retired: kept for history, never offered to travellers nor allocated. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) retiredAt: Date | null = null;
}
