import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { CompartmentSize, CompartmentStatus, DoorState } from './compartment.enums.js';

@Entity({ tableName: 'compartment' })
export class CompartmentEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) bankId!: string;
  /** Denormalised from the bank so allocation is one indexed read. */
  @Property({ type: 'uuid' }) siteId!: string;
  @Property({ type: 'string' }) label!: string;
  @Property({ type: 'string' }) size!: CompartmentSize;
  @Property({ type: 'string' }) status: CompartmentStatus = 'AVAILABLE';
  @Property({ type: 'string' }) doorState: DoorState = 'UNKNOWN';
  @Property({ type: 'integer' }) unitId!: number;
  @Property({ type: 'integer' }) coil!: number;
  @Property({ type: 'integer' }) doorInput!: number;
  /** The last real reading (OPEN or CLOSED); UNKNOWN in `doorState` does not erase it. */
  @Property({ type: 'string', nullable: true }) lastKnownDoorState: 'OPEN' | 'CLOSED' | null = null;
  /** Source time of the last door change; older reports are ignored. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) doorChangedAt: Date | null = null;
  /** An opening before this time was asked for (an UNLOCK is pending); after it, it is forced. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) unlockExpectedUntil: Date | null =
    null;
  @Property({ type: 'boolean' }) leftOpenAlerted = false;
  @Property({ type: 'string', nullable: true }) outOfServiceReason: string | null = null;
  /** Why it must be looked at before reuse (status NEEDS_INSPECTION). */
  @Property({ type: 'string', nullable: true }) inspectionReason: string | null = null;
  /** Grows with every change (optimistic lock column), so clients keep the newest copy. */
  @Property({ type: 'integer', version: true }) version!: number;
}
