import { assertTransition } from './session.state.js';
import { SessionTransitionEntity } from './session-transition.entity.js';
import { toSessionView } from './session.types.js';
/** Sum of captured payments: what the depositor has paid so far. */
export async function paidFor(tx, sessionId) {
    const rows = await tx.execute(`select coalesce(sum(amount), 0) as paid from payment where session_id = ? and status = 'CAPTURED'`, [sessionId]);
    return Number(rows[0]?.paid ?? 0);
}
/**
 * The one way a session changes status: checked against the transition table, recorded in
 * the audit trail, and announced on `sessionUpdated` after the commit.
 */
export async function moveSession(tx, fx, session, move) {
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
    });
    await announceSession(tx, fx, session);
}
/** Publishes the session after the commit (also for changes that keep its status). */
export async function announceSession(tx, fx, session) {
    const paid = await paidFor(tx, session.id);
    fx.publish('SESSION_UPDATED', session.id, () => toSessionView(session, paid));
}
//# sourceMappingURL=session-moves.js.map