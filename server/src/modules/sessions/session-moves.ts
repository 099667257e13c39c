import type { EntityManager } from '@mikro-orm/postgresql';
import type { Effects } from '../../db/transaction.js';
import { assertTransition, type SessionStatus, type SessionTrigger } from '../../entities/session.state.js';
import type { StorageSessionEntity } from '../../entities/session.entity.js';
import { SessionTransitionEntity } from '../../entities/session-transition.entity.js';
import { toSessionView } from './session.types.js';
import { onSessionMoved } from '../notifications/session-notices.js';

/**
 * What the depositor has settled so far, as a SQL expression: captured payments, and refunded
 * ones whose fee was waived (the money went back, the fee stays settled). A cancelled charge
 * (refund effect CANCEL_CHARGE) is due again.
 */
export function paidSql(sessionIdSql: string): string {
  return `(select coalesce(sum(pay.amount), 0) from payment pay where pay.session_id = ${sessionIdSql} and ${settledSql('pay')})`;
}

/** Whether a payment row (alias `p`) counts towards what the session has settled. */
export function settledSql(p: string): string {
  return `(${p}.status = 'CAPTURED' or (${p}.status = 'REFUNDED' and ${p}.refund_effect = 'WAIVE_FEE'))`;
}

/** What the depositor has paid so far. */
export async function paidFor(tx: EntityManager, sessionId: string): Promise<number> {
  const rows = await tx.execute<{ paid: string | null }[]>(`select ${paidSql('?')} as paid`, [sessionId]);
  return Number(rows[0]?.paid ?? 0);
}

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
  tx.create(SessionTransitionEntity, {
    sessionId: session.id,
    at: move.at,
    fromStatus: from,
    toStatus: move.to,
    actor: move.actor,
    reason: move.reason ?? move.trigger,
  } as SessionTransitionEntity);
  // receipts and webhooks, in this transaction (the outbox)
  await onSessionMoved(tx, session, from, move.at);
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
}
