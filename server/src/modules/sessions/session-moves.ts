import type { EntityManager } from '@mikro-orm/postgresql';
import type { Effects } from '../../db/transaction.js';
import { assertTransition, type SessionStatus, type SessionTrigger } from '../../entities/session.state.js';
import type { StorageSessionEntity } from '../../entities/session.entity.js';
import { SessionTransitionEntity } from '../../entities/session-transition.entity.js';
import { toSessionView } from './session.types.js';
import { onSessionMoved } from './session-notices.js';
import { paidFor } from '../payments/paid-amounts.js';

export interface Move {
  to: SessionStatus;
  trigger: SessionTrigger;
  actor: string;
  at: Date;
  reason?: string | null;
  /** What has been paid, when the caller already read it (saves a query on the scan path). */
  paid?: number;
}

/**
 * The one way a session changes status: checked against the transition table, recorded in
 * the audit trail, and announced on `sessionUpdated` after the commit.
 */
export async function moveSession(
  tx: EntityManager,
  fx: Effects,
  session: StorageSessionEntity,
  move: Move,
): Promise<void> {
  assertTransition(session.status, move.to, move.trigger);
  const from = session.status;
  session.status = move.to;
  fx.append(SessionTransitionEntity, {
    sessionId: session.id,
    at: move.at,
    fromStatus: from,
    toStatus: move.to,
    actor: move.actor,
    reason: move.reason ?? move.trigger,
  });
  // receipts and webhooks, in this transaction (the outbox)
  await onSessionMoved(tx, session, from, move.at, move.paid);
  await announceSession(tx, fx, session, move.paid);
}

/** Publishes the session after the commit (also for changes that keep its status). */
export async function announceSession(
  tx: EntityManager,
  fx: Effects,
  session: StorageSessionEntity,
  knownPaid?: number,
): Promise<void> {
  const paid = knownPaid ?? (await paidFor(tx, session.id));
  fx.publish('SESSION_UPDATED', session.id, () => toSessionView(session, paid));
  fx.publish('SITE_SESSIONS_CHANGED', session.siteId, () => ({ sessionId: session.id }));
}
