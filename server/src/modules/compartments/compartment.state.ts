import type { EntityManager } from '@mikro-orm/postgresql';
import type { Effects } from '../../db/transaction.js';
import type { CompartmentStatus, InspectionOutcome } from '../../entities/compartment.enums.js';
import { CompartmentEntity } from '../../entities/compartment.entity.js';
import { CompartmentTransitionEntity } from '../../entities/compartment-transition.entity.js';
import { toCompartmentView } from './compartment.types.js';

/** Why a compartment's status changes; each edge of the table below names the triggers allowed on it. */
export type CompartmentTrigger =
  | 'allocated' // a deposit scan held it
  | 'released' // the deposit did not happen (its session ended or went back before any door cycle)
  | 'door-closed' // the door closed on a deposit (stored) or a retrieval (emptied)
  | 'door-forced' // opened with no unlock pending and no session: contents in doubt
  | 'left-open' // left open with no session: contents in doubt
  | 'unlock-failed' // the gateway reported the unlock failed: the lock may be jammed
  | 'door-not-opened' // unlocked, yet its door never opened in the window: the lock may be jammed
  | 'unlock-unconfirmed' // the readings of the window have a break: nobody knows whether it opened
  | 'ended-by-staff' // staff ended the session holding it
  | 'bag-removed' // staff took an abandoned bag out to lost property: looked at before reuse
  | 'inspected' // staff recorded an inspection
  | 'out-of-service' // staff took it out of service
  | 'back-in-service' // staff put it back
  | 'retired'; // staff retired it, its bank or its site (never with a session in it)

/**
 * The compartment's state machine: the only status changes there are. `moveCompartment` is
 * the one way to change a status; tests read this table. NEEDS_INSPECTION is never
 * allocated and is left only by a recorded inspection.
 */
export const COMPARTMENT_TRANSITIONS: Readonly<
  Record<CompartmentStatus, Partial<Record<CompartmentStatus, readonly CompartmentTrigger[]>>>
> = {
  AVAILABLE: {
    RESERVED: ['allocated'],
    NEEDS_INSPECTION: ['door-forced', 'left-open'],
    OUT_OF_SERVICE: ['out-of-service'],
    RETIRED: ['retired'],
  },
  RESERVED: {
    AVAILABLE: ['released', 'ended-by-staff'],
    OCCUPIED: ['door-closed'],
    NEEDS_INSPECTION: ['unlock-failed', 'door-not-opened', 'unlock-unconfirmed', 'ended-by-staff'],
  },
  OCCUPIED: {
    AVAILABLE: ['door-closed', 'ended-by-staff'],
    NEEDS_INSPECTION: ['ended-by-staff', 'bag-removed'],
  },
  NEEDS_INSPECTION: { AVAILABLE: ['inspected'], OUT_OF_SERVICE: ['inspected', 'out-of-service'] },
  OUT_OF_SERVICE: { AVAILABLE: ['back-in-service'], RETIRED: ['retired'] },
  RETIRED: {},
};

export function canMoveCompartment(
  from: CompartmentStatus,
  to: CompartmentStatus,
  trigger: CompartmentTrigger,
): boolean {
  return COMPARTMENT_TRANSITIONS[from][to]?.includes(trigger) ?? false;
}

export interface CompartmentMove {
  to: CompartmentStatus;
  trigger: CompartmentTrigger;
  actor: string;
  at: Date;
  /** Why: kept in the audit trail; for NEEDS_INSPECTION and OUT_OF_SERVICE also shown on the compartment. */
  reason?: string | null;
  inspectionOutcome?: InspectionOutcome;
}

/**
 * The one way a compartment changes status: checked against the table, recorded with its
 * cause, announced after the commit. An illegal move throws (a bug, never a user error).
 */
export function moveCompartment(
  tx: EntityManager,
  fx: Effects,
  c: CompartmentEntity,
  move: CompartmentMove,
): void {
  if (!canMoveCompartment(c.status, move.to, move.trigger)) {
    throw new Error(`Illegal compartment transition ${c.status} -> ${move.to} on ${move.trigger}`);
  }
  const reason = move.reason?.slice(0, 500) ?? null;
  fx.append(CompartmentTransitionEntity, {
    compartmentId: c.id,
    at: move.at,
    fromStatus: c.status,
    toStatus: move.to,
    trigger: move.trigger,
    actor: move.actor,
    reason,
    inspectionOutcome: move.inspectionOutcome ?? null,
  });
  c.status = move.to;
  c.inspectionReason = move.to === 'NEEDS_INSPECTION' ? reason : null;
  c.outOfServiceReason = move.to === 'OUT_OF_SERVICE' ? reason : null;
  announceCompartment(fx, c);
}

/** Moves it when the table has that edge from where it is now; otherwise leaves it (e.g. already out of service). */
export function moveCompartmentIfAllowed(
  tx: EntityManager,
  fx: Effects,
  c: CompartmentEntity,
  move: CompartmentMove,
): boolean {
  if (!canMoveCompartment(c.status, move.to, move.trigger)) return false;
  moveCompartment(tx, fx, c, move);
  return true;
}

/** Announces a compartment's new state (status, door, version) after the commit. */
export function announceCompartment(fx: Effects, compartment: CompartmentEntity): void {
  fx.publish('COMPARTMENT_UPDATED', compartment.siteId, () => toCompartmentView(compartment));
}

/**
 * The compartment as boards show it changed without a column of its own changing (its
 * session became overdue, which is read from the clock): its version grows so that boards
 * keep this copy over older ones, and it is announced after the commit.
 */
export async function announceChangedView(
  tx: EntityManager,
  fx: Effects,
  compartmentId: string,
): Promise<void> {
  await tx.execute('update compartment set version = version + 1 where id = ?', [compartmentId]);
  const c = await tx.findOneOrFail(CompartmentEntity, compartmentId, { refresh: true });
  announceCompartment(fx, c);
}
