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
