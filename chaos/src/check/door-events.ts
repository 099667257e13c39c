/**
 * Door events against the door log: an OPENED or FORCED_OPEN event says the door was read
 * open at its time, CLOSED that it was read closed. The reading time is the gateway's, taken
 * when the answer arrived; the door must have been in that state at some moment shortly before.
 */
import type { ServerDoorEvent } from '../collect.ts';
import type { Door } from '../history.ts';
import type { DoorHistory } from './physical.ts';

/** A reading is taken after the answer arrives; a loaded machine may delay it this long. */
const READ_LAG_MS = 3000;

export interface DoorEventFinding {
  event: ServerDoorEvent;
  label: string;
}

export function checkDoorEvents(
  events: readonly ServerDoorEvent[],
  doors: ReadonlyMap<string, Door>,
  history: DoorHistory,
): DoorEventFinding[] {
  const contradicted: DoorEventFinding[] = [];
  for (const e of events) {
    const wantOpen = e.type === 'OPENED' || e.type === 'FORCED_OPEN';
    if (!wantOpen && e.type !== 'CLOSED') continue;
    const door = doors.get(e.compartment.id);
    if (!door) continue;
    const at = Date.parse(e.at);
    const seen = history.statesWithin(door.unitId, door.input, at - READ_LAG_MS, at + 250);
    if (wantOpen ? !seen.open : !seen.closed) contradicted.push({ event: e, label: door.label });
  }
  return contradicted;
}
