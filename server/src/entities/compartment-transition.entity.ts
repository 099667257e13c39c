import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { CompartmentStatus, InspectionOutcome } from './compartment.enums.js';

/** The audit trail of a compartment's status: what moved it, who, when, and why. */
@Entity({ tableName: 'compartment_transition' })
export class CompartmentTransitionEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id?: string;
  @Property({ type: 'uuid' }) compartmentId!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) at!: Date;
  @Property({ type: 'string' }) fromStatus!: CompartmentStatus;
  @Property({ type: 'string' }) toStatus!: CompartmentStatus;
  @Property({ type: 'string' }) trigger!: string;
  @Property({ type: 'string' }) actor!: string;
  @Property({ type: 'string', nullable: true }) reason: string | null = null;
  @Property({ type: 'string', nullable: true }) inspectionOutcome: InspectionOutcome | null = null;
}
