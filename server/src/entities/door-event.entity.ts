import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { DoorEventType } from './door-event.enums.js';

@Entity({ tableName: 'door_event' })
export class DoorEventEntity {
  /** Insertion order; the cursor of `doorEvents` pages. */
  @PrimaryKey({ type: 'bigint', autoincrement: true }) seq?: string;
  @Property({ type: 'uuid' }) id!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) at!: Date;
  @Property({ type: 'string' }) type!: DoorEventType;
  @Property({ type: 'uuid' }) siteId!: string;
  @Property({ type: 'uuid' }) compartmentId!: string;
  @Property({ type: 'uuid', nullable: true }) sessionId: string | null = null;
  @Property({ type: 'string', nullable: true }) actor: string | null = null;
  @Property({ type: 'string', nullable: true }) detail: string | null = null;
}
