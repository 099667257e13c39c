import { DoorEventEntity } from './door-event.entity.js';
import { toCompartmentView } from '../compartments/compartment.types.js';
import { toDoorEventView } from './door-event.types.js';
import { newId } from '../../shared/ids.js';
/** Records a door event and announces it, with the compartment's new state, after the commit. */
export function recordDoorEvent(tx, fx, input) {
    const event = tx.create(DoorEventEntity, {
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
/** Announces a compartment's new state (status, door, version) after the commit. */
export function announceCompartment(fx, compartment) {
    fx.publish('COMPARTMENT_UPDATED', compartment.siteId, () => toCompartmentView(compartment));
}
//# sourceMappingURL=door-event.recorder.js.map