import type { Effects } from '../../db/transaction.js';
import { DoorEventEntity } from '../../entities/door-event.entity.js';
import type { DoorEventType } from '../../entities/door-event.enums.js';
import type { CompartmentEntity } from '../../entities/compartment.entity.js';
import { toDoorEventView } from './door-event.types.js';
import { newId } from '../../shared/ids.js';

export interface DoorEventInput {
  type: DoorEventType;
  compartment: CompartmentEntity;
  sessionId?: string | null;
  actor?: string | null;
  detail?: string | null;
  at: Date;
}

/** Records a door event and announces it, with the compartment's new state, after the commit. */
export function recordDoorEvent(fx: Effects, input: DoorEventInput): DoorEventEntity {
  const event = fx.append(DoorEventEntity, {
    id: newId(),
    at: input.at,
    type: input.type,
    siteId: input.compartment.siteId,
    compartmentId: input.compartment.id,
    sessionId: input.sessionId ?? null,
    actor: input.actor ?? null,
    detail: input.detail?.slice(0, 500) ?? null,
  });
  fx.publish('DOOR_EVENT', input.compartment.siteId, () => toDoorEventView(event, input.compartment));
  return event;
}
