import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime, PageInfo } from '../../shared/common.types.js';
import { DoorEventType } from '../../entities/door-event.enums.js';
import { type CompartmentView, toCompartmentView } from '../compartments/compartment.types.js';
import type { DoorEventEntity } from '../../entities/door-event.entity.js';
import type { CompartmentEntity } from '../../entities/compartment.entity.js';

@ObjectType('DoorEvent')
export class DoorEventView {
  @Field(() => ID) id!: string;
  @Field(() => DateTime) at!: Date;
  @Field(() => DoorEventType) type!: DoorEventType;
  @Field(() => String, { nullable: true }) detail!: string | null;
  @Field(() => String, { nullable: true, description: 'Who caused it (staff only)' }) actor!: string | null;
  /** The insertion sequence: the `cursor` field, and what a resubscribing client catches up from. */
  seq!: string;
  siteId!: string;
  compartmentId!: string;
  sessionId!: string | null;
  /** Embedded when published, so subscribers do not each query the compartment. */
  compartment?: CompartmentView;
}

export function toDoorEventView(e: DoorEventEntity, compartment?: CompartmentEntity): DoorEventView {
  return {
    id: e.id,
    seq: String(e.seq ?? ''),
    at: e.at,
    type: e.type,
    detail: e.detail,
    actor: e.actor,
    siteId: e.siteId,
    compartmentId: e.compartmentId,
    sessionId: e.sessionId,
    compartment: compartment ? toCompartmentView(compartment) : undefined,
  };
}

@ObjectType('DoorEventConnection')
export class DoorEventConnection {
  @Field(() => [DoorEventView]) nodes!: DoorEventView[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
