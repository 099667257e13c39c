import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Effects } from '../db/transaction.js';
import type { StorageSessionEntity } from '../entities/session.entity.js';
import { CompartmentEntity } from '../entities/compartment.entity.js';
import { allocateCompartment, lockCompartment, type NoneFree } from './scan.reads.js';
import type { UnlockBank } from './unlock-bank.js';
import { moveCompartment, moveCompartmentIfAllowed } from '../modules/compartments/compartment.state.js';
import { paidFor } from '../modules/payments/paid-amounts.js';
import { refundSessionPayments } from '../modules/payments/automatic-refunds.js';

/**
 * Hold before charge: a CREATED session holds one compartment of its size (RESERVED) before any
 * payment is asked for. An unpaid hold lasts the site's payment window (`holdUntil`, then the
 * `holdExpired` rule releases it); a paid one lasts until the session is used or ends.
 */
export interface Held {
  compartment: CompartmentEntity;
  bank: UnlockBank;
}

/**
 * The compartment this CREATED session holds, locked, or a newly held one (none free: why).
 * A held compartment taken out of service meanwhile is let go and another one held.
 */
export async function holdCompartment(
  tx: EntityManager,
  fx: Effects,
  session: StorageSessionEntity,
  actor: string,
  at: Date,
  exceptId: string | null = null,
  wait = false,
): Promise<Held | NoneFree> {
  if (session.compartmentId) {
    const held = await lockCompartment(tx, session.compartmentId, at);
    if (held && held.compartment.status === 'RESERVED' && held.bank.gatewayId) return held;
    await releaseHold(tx, fx, session, actor, at);
  }
  // Only a compartment whose lock can be driven now (gateway and controller up) is held.
  const target = await allocateCompartment(tx, session.siteId, session.size, at, exceptId, wait);
  if (!target.compartment) return target;
  moveCompartment(tx, fx, target.compartment, {
    to: 'RESERVED',
    trigger: 'allocated',
    actor,
    at,
    reason: `session ${session.id}`,
  });
  session.compartmentId = target.compartment.id;
  return target;
}

/** Lets a CREATED session's held compartment go (back to AVAILABLE unless staff took it out). */
export async function releaseHold(
  tx: EntityManager,
  fx: Effects,
  session: StorageSessionEntity,
  actor: string,
  at: Date,
): Promise<void> {
  const id = session.compartmentId;
  session.compartmentId = null;
  session.holdUntil = null;
  if (!id) return;
  const compartment = await tx.findOne(CompartmentEntity, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (compartment?.status === 'RESERVED') {
    moveCompartmentIfAllowed(tx, fx, compartment, {
      to: 'AVAILABLE',
      trigger: 'released',
      actor,
      at,
      reason: `hold of session ${session.id} let go`,
    });
  }
}

/**
 * A paid deposit whose door did not open (back to CREATED): the payment stays with the session
 * and another compartment of the size is held for it (not `exceptId`, the one that failed), so
 * the next scan opens it without paying again; none free: the payment is refunded.
 */
export async function keepPaidSessionGoing(
  tx: EntityManager,
  fx: Effects,
  session: StorageSessionEntity,
  exceptId: string | null,
  actor: string,
  at: Date,
): Promise<void> {
  if ((await paidFor(tx, session.id)) === 0) return;
  const held = await holdCompartment(tx, fx, session, actor, at, exceptId);
  session.holdUntil = null;
  if (!held.compartment)
    await refundSessionPayments(
      tx,
      fx,
      session.id,
      'the door did not open and no other compartment is free',
      at,
    );
}
