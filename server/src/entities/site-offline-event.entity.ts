import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** What the server made of an event taken at a site while it was cut off. */
export type OfflineEventOutcome =
  /** Applied as if scanned online: the session moved to its door operation. */
  | 'APPLIED'
  /** The door opened, but the server had changed the session meanwhile (see `conflict`). */
  | 'APPLIED_WITH_CONFLICT'
  /** The pulse failed at the site: nothing happened, nothing to apply. */
  | 'NOT_OPENED';

/** Why an offline event could not be applied as it was. */
export type OfflineEventConflict =
  | 'SESSION_ENDED' // ended (staff, a door cycle) on the server meanwhile
  | 'CODE_REPLACED' // the code was regenerated on the server meanwhile: the site opened with the old one
  | 'SESSION_BUSY' // the server had a door operation under way for the session
  | 'UNKNOWN_SESSION' // not a session of this site
  | 'COMPARTMENT_TAKEN' // a deposit at the site into a compartment the server had given to another session
  | 'CODE_IN_USE'; // a deposit's site-issued code already belongs to a session (never by chance: 160 bits)

/** What the site did: opened a stored bag, or took a bag into a free compartment (free sizes only). */
export type OfflineEventKind = 'RETRIEVAL' | 'DEPOSIT';

/**
 * One event a site took while offline, as replayed by its gateway: the id is the site's own
 * (the idempotency key), `seq` its place in the site's journal. Kept with what was done.
 */
@Entity({ tableName: 'site_offline_event' })
export class SiteOfflineEventEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) gatewayId!: string;
  @Property({ type: 'uuid' }) siteId!: string;
  @Property({ type: 'integer' }) seq!: number;
  @Property({ type: 'string' }) kind!: OfflineEventKind;
  @Property({ type: 'uuid', nullable: true }) sessionId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) compartmentId: string | null = null;
  @Property({ type: 'string' }) pulseResult!: 'SUCCEEDED' | 'FAILED' | 'UNCERTAIN';
  @Property({ type: 'Date', columnType: 'timestamptz' }) occurredAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz' }) receivedAt!: Date;
  @Property({ type: 'string' }) outcome!: OfflineEventOutcome;
  @Property({ type: 'string', nullable: true }) conflict: OfflineEventConflict | null = null;
}
