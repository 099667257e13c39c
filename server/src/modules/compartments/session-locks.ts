import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StorageSessionEntity } from '../../entities/session.entity.js';
import { CompartmentEntity } from '../../entities/compartment.entity.js';
import { OPEN_STATUSES } from '../../entities/session.state.js';

/**
 * Locks a compartment together with the session that holds it, always session first, then
 * compartment: the order every state change uses, so two of them never wait on each other.
 * (A deadlock that slips through anyway is retried by `transact`.)
 */
export async function lockCompartmentWithSession(
  tx: EntityManager,
  compartmentId: string,
): Promise<{ compartment: CompartmentEntity | null; session: StorageSessionEntity | null }> {
  const holder = await tx.findOne(
    StorageSessionEntity,
    { compartmentId, status: { $in: [...OPEN_STATUSES] } },
    { fields: ['id'] },
  );
  let session = holder
    ? await tx.findOne(StorageSessionEntity, holder.id, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
        refresh: true,
      })
    : null;
  const compartment = await tx.findOne(CompartmentEntity, compartmentId, {
    lockMode: LockMode.PESSIMISTIC_WRITE,
  });
  if (session && (session.compartmentId !== compartmentId || !OPEN_STATUSES.includes(session.status)))
    session = null;
  if (!session && compartment) {
    // a scan took the compartment between our two reads: lock its new session too
    session = await tx.findOne(
      StorageSessionEntity,
      { compartmentId, status: { $in: [...OPEN_STATUSES] } },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
  }
  return { compartment, session };
}

/** Compartments locked with the open sessions that hold them, keyed by compartment id. */
export interface LockedDoors {
  compartments: Map<string, CompartmentEntity>;
  sessions: Map<string, StorageSessionEntity>;
}

/**
 * `lockCompartmentWithSession` for many compartments in a few statements: every open
 * session first, then every compartment, each set locked in id order, so two batches (or a
 * batch and a scan) take their locks in the same order and never wait on each other.
 */
export async function lockCompartmentsWithSessions(
  tx: EntityManager,
  compartmentIds: readonly string[],
): Promise<LockedDoors> {
  const ids = [...new Set(compartmentIds.map((id) => id.toLowerCase()))].sort();
  const sessions = new Map<string, StorageSessionEntity>();
  const held = await lockOpenSessions(tx, ids);
  for (const s of held) sessions.set(s.compartmentId!, s);
  const found = await tx.find(
    CompartmentEntity,
    { id: { $in: ids } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
  );
  const compartments = new Map(found.map((c) => [c.id, c]));
  // An allocation (the only way a session gets a compartment) leaves it RESERVED: a scan that
  // took one between our two reads has committed by now (we waited for its lock). Lock its session.
  const late = found.filter((c) => c.status === 'RESERVED' && !sessions.has(c.id)).map((c) => c.id);
  if (late.length > 0) for (const s of await lockOpenSessions(tx, late)) sessions.set(s.compartmentId!, s);
  return { compartments, sessions };
}

function lockOpenSessions(tx: EntityManager, compartmentIds: string[]): Promise<StorageSessionEntity[]> {
  // FOR UPDATE re-checks the condition on a row it waited for: a session that moved on is left out
  return tx.find(
    StorageSessionEntity,
    { compartmentId: { $in: compartmentIds }, status: { $in: [...OPEN_STATUSES] } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
  );
}
