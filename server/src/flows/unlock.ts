import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Effects } from '../db/transaction.js';
import { GatewayCommandEntity } from '../entities/gateway-command.entity.js';
import type { DoorEventEntity } from '../entities/door-event.entity.js';
import { toCommandView } from '../modules/gateway-commands/gateway-command.types.js';
import type { CompartmentEntity } from '../entities/compartment.entity.js';
import { LockerBankEntity } from '../entities/locker-bank.entity.js';
import type { UnlockBank } from './unlock-bank.js';
import { SiteEntity } from '../entities/site.entity.js';
import { StorageSessionEntity } from '../entities/session.entity.js';
import { recordDoorEvent } from '../modules/door-events/door-event.recorder.js';
import { raiseAlert } from '../modules/alerts/alert.raiser.js';
import { moveSession } from '../modules/sessions/session-moves.js';
import { announceCompartment, moveCompartmentIfAllowed } from '../modules/compartments/compartment.state.js';
import { conflict, lockUnavailable } from '../errors/domain-error.js';
import { lockBlocker, type LockBlocker } from '../modules/devices/presence.js';
import { formatSiteTime } from '../shared/site-time.js';
import { keepPaidSessionGoing } from './compartment-hold.js';
import { newId } from '../shared/ids.js';

export interface UnlockRequest {
  compartment: CompartmentEntity;
  /** The compartment's bank, when the caller read it with the compartment (else it is loaded). */
  bank?: UnlockBank;
  site: Pick<SiteEntity, 'unlockAckTimeoutSeconds' | 'depositWindowSeconds' | 'pulseMs'>;
  sessionId: string | null;
  actor: string;
  detail: string;
  at: Date;
}

/** Why the lock cannot be driven, in words staff and depositors can act on. */
function refusalText(label: string, b: LockBlocker, timeZone: string): string {
  const why =
    b.reason === 'GATEWAY_OFFLINE'
      ? b.lastSeenAt
        ? `gateway ${b.gatewayName} is offline (last heard from ${formatSiteTime(b.lastSeenAt, timeZone)})`
        : `gateway ${b.gatewayName} has never been heard from`
      : `gateway ${b.gatewayName} cannot read its lock controller`;
  return `Compartment ${label} cannot be opened now: ${why}. Nothing was sent to the lock.`;
}

/**
 * Asks the compartment's gateway to pulse its lock: a command row (the idempotency key and
 * the re-send queue), an UNLOCK_REQUESTED event, and a window in which an opening door is
 * expected rather than forced. The command is pushed to the gateway after the commit.
 */
export async function requestUnlock(
  tx: EntityManager,
  fx: Effects,
  req: UnlockRequest,
): Promise<{ command: GatewayCommandEntity; event: DoorEventEntity }> {
  const bank = req.bank ?? (await tx.findOneOrFail(LockerBankEntity, req.compartment.bankId));
  if (!bank.gatewayId)
    throw conflict(`Bank ${bank.label} has no gateway to open compartment ${req.compartment.label}`);
  // Refused at once rather than accepted and left to expire: nothing is promised that cannot be done.
  // A scan read whether the lock can be driven with the compartment: asked again only when not.
  const blocker = req.bank?.openable ? null : await lockBlocker(tx, req.compartment.bankId, req.at);
  if (blocker) {
    const site = await tx.findOne(SiteEntity, req.compartment.siteId);
    throw lockUnavailable(
      req.compartment.id,
      refusalText(req.compartment.label, blocker, site?.timezone ?? 'UTC'),
      {
        reason: blocker.reason,
        gatewayName: blocker.gatewayName,
        ...(blocker.reason === 'GATEWAY_OFFLINE'
          ? { lastSeenAt: blocker.lastSeenAt?.toISOString() ?? null }
          : { endpoint: blocker.endpoint }),
      },
    );
  }
  const expiresAt = new Date(req.at.getTime() + req.site.unlockAckTimeoutSeconds * 1000);
  const command = fx.append(GatewayCommandEntity, {
    id: newId(),
    gatewayId: bank.gatewayId,
    compartmentId: req.compartment.id,
    sessionId: req.sessionId,
    type: 'UNLOCK',
    endpoint: bank.modbusEndpoint,
    unitId: req.compartment.unitId,
    coil: req.compartment.coil,
    doorInput: req.compartment.doorInput,
    pulseMs: req.site.pulseMs,
    issuedAt: req.at,
    expiresAt,
  });
  // Openings are expected from now until the person has had the deposit window to open the door.
  req.compartment.unlockExpectedUntil = new Date(
    req.at.getTime() + (req.site.unlockAckTimeoutSeconds + req.site.depositWindowSeconds) * 1000,
  );
  const event = recordDoorEvent(fx, {
    type: 'UNLOCK_REQUESTED',
    compartment: req.compartment,
    sessionId: req.sessionId,
    actor: req.actor,
    detail: req.detail,
    at: req.at,
  });
  announceCompartment(fx, req.compartment);
  fx.publish('GATEWAY_COMMAND', bank.gatewayId, () => toCommandView(command));
  return { command, event };
}

/**
 * An unlock that did not happen (a FAILED ack): UNLOCK_FAILED event and alert, and the
 * session's door operation is undone: a deposit releases its compartment and goes back to
 * CREATED (the code still works), a retrieval goes back to STORED. A late answer for an
 * unlock that a newer one of the same compartment has replaced (its operation was settled by
 * the door readings and the traveller scanned again) is recorded and undoes nothing: the
 * newer unlock's expected opening and its session's operation stand.
 */
export async function failUnlock(
  tx: EntityManager,
  fx: Effects,
  command: GatewayCommandEntity,
  compartment: CompartmentEntity,
  reason: string,
  actor: string,
  at: Date,
): Promise<void> {
  const superseded =
    (await tx.count(GatewayCommandEntity, {
      compartmentId: compartment.id,
      issuedAt: { $gt: command.issuedAt },
    })) > 0;
  if (superseded) {
    recordDoorEvent(fx, {
      type: 'UNLOCK_FAILED',
      compartment,
      sessionId: command.sessionId,
      actor,
      detail: `${reason} (a newer unlock of this compartment has replaced it)`,
      at,
    });
    return;
  }
  compartment.unlockExpectedUntil = null;
  recordDoorEvent(fx, {
    type: 'UNLOCK_FAILED',
    compartment,
    sessionId: command.sessionId,
    actor,
    detail: reason,
    at,
  });
  raiseAlert(tx, fx, {
    type: 'UNLOCK_FAILED',
    siteId: compartment.siteId,
    compartmentId: compartment.id,
    sessionId: command.sessionId,
    message: `Compartment ${compartment.label} did not unlock: ${reason}`,
    at,
  });
  if (command.sessionId) {
    const session = await tx.findOne(StorageSessionEntity, command.sessionId, {
      lockMode: LockMode.PESSIMISTIC_WRITE,
    });
    if (session && !session.opDoorOpened && session.compartmentId === compartment.id) {
      await undoDoorOperation(
        tx,
        fx,
        session,
        compartment,
        'unlock-failed',
        actor,
        at,
        `unlock failed: ${reason}`,
      );
    }
  }
  announceCompartment(fx, compartment);
}

/** What each way of a door operation not happening does to a deposit's compartment. */
const COMPARTMENT_TRIGGER = {
  'unlock-failed': 'unlock-failed',
  'window-passed': 'door-not-opened',
  'unlock-unconfirmed': 'unlock-unconfirmed',
} as const;

/**
 * Puts a session back where it was before its scan. A deposit's compartment leaves the
 * session into inspection (a lock that did not open, or opened unseen, must be looked at
 * before anyone else is sent there); a re-scan gets another compartment of the size, and
 * what was paid still counts.
 */
export async function undoDoorOperation(
  tx: EntityManager,
  fx: Effects,
  session: StorageSessionEntity,
  compartment: CompartmentEntity,
  trigger: keyof typeof COMPARTMENT_TRIGGER,
  actor: string,
  at: Date,
  reason: string,
): Promise<void> {
  if (session.status === 'DEPOSITING') {
    session.compartmentId = null;
    session.intent = null;
    moveCompartmentIfAllowed(tx, fx, compartment, {
      to: 'NEEDS_INSPECTION',
      trigger: COMPARTMENT_TRIGGER[trigger],
      actor,
      at,
      reason,
    });
    await moveSession(tx, fx, session, { to: 'CREATED', trigger, actor, at, reason });
    await keepPaidSessionGoing(tx, fx, session, compartment.id, actor, at);
  } else if (session.status === 'RETRIEVING') {
    session.intent = null;
    await moveSession(tx, fx, session, { to: 'STORED', trigger, actor, at, reason });
  }
  compartment.unlockExpectedUntil = null;
  announceCompartment(fx, compartment);
}
