import type { EntityManager } from '@mikro-orm/postgresql';
import type { Effects } from '../db/transaction.js';
import type { CompartmentEntity } from '../entities/compartment.entity.js';
import type { StorageSessionEntity } from '../entities/session.entity.js';
import type { DoorState } from '../entities/compartment.enums.js';
import { OPEN_STATUSES, type SessionStatus } from '../entities/session.state.js';
import { recordDoorEvent } from '../modules/door-events/door-event.recorder.js';
import { raiseAlert } from '../modules/alerts/alert.raiser.js';
import { moveSession } from '../modules/sessions/session-moves.js';
import type { LockedDoors } from '../modules/compartments/session-locks.js';
import {
  announceCompartment,
  moveCompartment,
  moveCompartmentIfAllowed,
  type CompartmentMove,
} from '../modules/compartments/compartment.state.js';

export interface DoorReport {
  compartmentId: string;
  state: DoorState;
  at: Date;
}

/** What one reading works on: the batch's locked rows and what their sessions have paid. */
export interface DoorBatch extends LockedDoors {
  paid: Map<string, number>;
}

const ACTOR = 'door-sensor';

/**
 * Applies one reading to its door's locked rows, in memory (the batch is written in one
 * flush): OPENED or FORCED_OPEN on opening, depending on whether an unlock was pending;
 * CLOSED on closing, which stores a deposit or completes a retrieval.
 */
export async function applyReading(
  tx: EntityManager,
  fx: Effects,
  batch: DoorBatch,
  r: DoorReport,
): Promise<void> {
  const id = r.compartmentId.toLowerCase();
  const c = batch.compartments.get(id)!;
  const session = batch.sessions.get(id) ?? null;
  if (c.doorChangedAt && r.at < c.doorChangedAt) return; // an older reading than the one we have
  const wasUnknown = c.doorState === 'UNKNOWN';
  const previous = c.lastKnownDoorState;
  // UNKNOWN: the sensor cannot be read; shown, but the next reading is judged against the last real one
  c.doorState = r.state;
  if (r.state === 'UNKNOWN' || previous === r.state) {
    if (wasUnknown !== (r.state === 'UNKNOWN')) announceCompartment(fx, c);
    return;
  }
  c.lastKnownDoorState = r.state;
  c.doorChangedAt = r.at;
  if (r.state === 'OPEN') opened(tx, fx, c, session, r.at);
  else if (previous === 'OPEN') {
    recordDoorEvent(fx, { type: 'CLOSED', compartment: c, sessionId: session?.id, at: r.at });
    if (session?.opDoorOpened) {
      await finishOperation(tx, fx, session, c, r.at, batch.paid.get(session.id) ?? 0);
      if (!OPEN_STATUSES.includes(session.status)) batch.sessions.delete(id);
    }
  }
  announceCompartment(fx, c);
}

function opened(
  tx: EntityManager,
  fx: Effects,
  c: CompartmentEntity,
  session: StorageSessionEntity | null,
  at: Date,
): void {
  c.leftOpenAlerted = false;
  const expected = c.unlockExpectedUntil !== null && at <= c.unlockExpectedUntil;
  const sessionId = session?.id;
  if (expected) {
    c.unlockExpectedUntil = null;
    recordDoorEvent(fx, { type: 'OPENED', compartment: c, sessionId, at });
    if (session && (session.status === 'DEPOSITING' || session.status === 'RETRIEVING'))
      session.opDoorOpened = true;
    return;
  }
  const detail = 'opened with no unlock pending';
  recordDoorEvent(fx, { type: 'FORCED_OPEN', compartment: c, sessionId, at, detail });
  raiseAlert(tx, fx, {
    type: 'DOOR_FORCED',
    siteId: c.siteId,
    compartmentId: c.id,
    sessionId,
    message: `Compartment ${c.label} was opened with no unlock pending`,
    at,
  });
  // Nobody's session: whatever is inside now (or was taken) must be looked at.
  if (!session)
    moveCompartmentIfAllowed(tx, fx, c, door('NEEDS_INSPECTION', 'door-forced', at, 'door forced open'));
}

/** How a door cycle ends each operation: the session's next status, its compartment's, and what it records. */
interface Finish {
  session: SessionStatus;
  /** The compartment's move: a deposit's must be RESERVED; an emptied one may have been taken out of service meanwhile. */
  compartment?: { to: CompartmentMove['to']; move: typeof moveCompartment | typeof moveCompartmentIfAllowed };
  reason?: string;
  apply(s: StorageSessionEntity, at: Date): void;
}

function finishFor(s: StorageSessionEntity): Finish | null {
  if (s.status === 'DEPOSITING')
    return {
      session: 'STORED',
      compartment: { to: 'OCCUPIED', move: moveCompartment },
      apply(s, at) {
        s.depositedAt = at;
        s.dueAt = new Date(at.getTime() + s.includedMinutes * 60_000);
      },
    };
  if (s.status !== 'RETRIEVING') return null;
  if (s.intent === 'ACCESS')
    return { session: 'STORED', reason: 'access', apply: (s) => void (s.accessOpens += 1) };
  return {
    session: 'COMPLETED',
    compartment: { to: 'AVAILABLE', move: moveCompartmentIfAllowed },
    apply(s, at) {
      s.retrievedAt = at;
      s.endedAt = at;
    },
  };
}

/** The door opened and closed again: a deposit is stored, a retrieval completed (or kept, for ACCESS). */
async function finishOperation(
  tx: EntityManager,
  fx: Effects,
  s: StorageSessionEntity,
  c: CompartmentEntity,
  at: Date,
  paid: number,
): Promise<void> {
  s.opDoorOpened = false;
  const finish = finishFor(s);
  if (!finish) return;
  s.intent = null;
  finish.apply(s, at);
  if (finish.compartment) {
    const { to, move } = finish.compartment;
    move(
      tx,
      fx,
      c,
      door(to, 'door-closed', at, `session ${s.id} ${to === 'OCCUPIED' ? 'stored' : 'retrieved'}`),
    );
  }
  await moveSession(tx, fx, s, {
    to: finish.session,
    trigger: 'door-closed',
    actor: ACTOR,
    at,
    reason: finish.reason,
    paid,
  });
}

function door(
  to: CompartmentMove['to'],
  trigger: CompartmentMove['trigger'],
  at: Date,
  reason: string,
): CompartmentMove {
  return { to, trigger, actor: ACTOR, at, reason };
}
