import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../events/event-bus.js';
import { transact, type Effects } from '../../db/transaction.js';
import type { Clock } from '../../shared/clock.js';
import { StorageSessionEntity } from '../../entities/session.entity.js';
import { SessionTransitionEntity } from '../../entities/session-transition.entity.js';
import { CompartmentEntity } from '../../entities/compartment.entity.js';
import { moveCompartmentIfAllowed } from '../compartments/compartment.state.js';
import { announceSession, moveSession } from './session-moves.js';
import { paidFor } from '../payments/paid-amounts.js';
import { raiseAlert } from '../alerts/alert.raiser.js';
import { notifyContact } from '../notifications/outbox.js';
import { badInput, conflict, notFound } from '../../errors/domain-error.js';
import { hashAccessCode, normaliseAccessCode } from '../../auth/access-code.js';
import { amountDue } from './charges.js';
import { toSessionView, type SessionView } from './session.types.js';
import { formatMoney } from '@lockers/common';
import { MESSAGE_LOCALE } from '../../shared/message-locale.js';
import { SiteEntity } from '../../entities/site.entity.js';
import { formatSiteTime } from '../../shared/site-time.js';

/**
 * Abandoned bags. Abandonment is a set of recorded facts on a STORED session, never a status
 * of its own: until staff remove the bag the depositor collects it at the locker as before
 * (fees keep counting); once removed, a scan sends them to staff and nothing is opened; the
 * session ends COMPLETED when the bag is claimed back or disposed of. Each step writes a row
 * of the session's audit trail (history).
 */

/** Records a same-status step in the audit trail and announces the session. */
async function recordStep(
  tx: EntityManager,
  fx: Effects,
  s: StorageSessionEntity,
  actor: string,
  at: Date,
  reason: string,
): Promise<void> {
  fx.append(SessionTransitionEntity, {
    sessionId: s.id,
    at,
    fromStatus: s.status,
    toStatus: s.status,
    actor,
    reason: reason.slice(0, 500),
  });
  await announceSession(tx, fx, s);
}

/** The clock's rule (deadline `abandoned`): staff are alerted and the depositor told, once. */
export async function markAbandoned(
  tx: EntityManager,
  fx: Effects,
  s: StorageSessionEntity,
  actor: string,
  now: Date,
): Promise<void> {
  s.abandonedAt = now;
  const due = amountDue({ ...s, paid: await paidFor(tx, s.id) }, now);
  const owed = formatMoney({ amount: due, currency: s.currency }, MESSAGE_LOCALE);
  const zone = (await tx.findOne(SiteEntity, s.siteId))?.timezone ?? 'UTC';
  const since = s.dueAt ? formatSiteTime(s.dueAt, zone) : 'an unknown time';
  raiseAlert(tx, fx, {
    type: 'ABANDONED',
    siteId: s.siteId,
    compartmentId: s.compartmentId,
    sessionId: s.id,
    message: `Luggage overdue since ${since} is abandoned: it may be removed to lost property`,
    at: now,
  });
  await notifyContact(
    tx,
    { email: s.contactEmail, phone: s.contactPhone },
    {
      dedupeKey: `abandoned:${s.id}`,
      subject: 'Your luggage is considered abandoned',
      body: `Your locker storage ended at ${s.dueAt?.toISOString()} and has not been collected. Your luggage may be moved to lost property; you can still claim it with your code (amount due so far: ${owed}) until it is disposed of. Reference: ${s.id}`,
      sessionId: s.id,
      at: now,
    },
  );
  await recordStep(tx, fx, s, actor, now, 'abandoned: overdue past the site retention');
}

const text = (field: string, v: string | null | undefined, max: number, required = true): string | null => {
  const t = (v ?? '').trim();
  if (!t) {
    if (required) throw badInput(field, `${field} is required`);
    return null;
  }
  if (t.length > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return t;
};

/** Staff steps on an abandoned bag: removal, claim from lost property, disposal. */
export class AbandonmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  /** The bag is taken out (where to, lost-property reference); its compartment is inspected before reuse. */
  async recordRemoval(
    sessionId: string,
    removedTo: string,
    lostPropertyRef: string,
    actor: string,
  ): Promise<SessionView> {
    const to = text('removedTo', removedTo, 200)!;
    const ref = text('lostPropertyRef', lostPropertyRef, 100)!;
    return this.step(sessionId, async (tx, fx, s, now) => {
      if (!s.abandonedAt) throw conflict('Only an abandoned session can have its bag removed');
      if (s.removedAt) throw conflict('The bag has already been removed');
      if (s.status !== 'STORED') throw conflict('A door operation is under way on this session');
      const compartment = await tx.findOneOrFail(CompartmentEntity, s.compartmentId!, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      s.removedAt = now;
      s.removedBy = actor;
      s.removedTo = to;
      s.lostPropertyRef = ref;
      s.removedFromCompartmentId = compartment.id;
      // the session no longer holds it; the inspection puts it back in service
      s.compartmentId = null;
      moveCompartmentIfAllowed(tx, fx, compartment, {
        to: 'NEEDS_INSPECTION',
        trigger: 'bag-removed',
        actor,
        at: now,
        reason: `abandoned bag removed to ${to} (${ref})`,
      });
      await recordStep(
        tx,
        fx,
        s,
        actor,
        now,
        `bag removed from compartment ${compartment.label} to ${to}, lost-property reference ${ref}`,
      );
    });
  }

  /**
   * The depositor claims a removed bag: with its code, or through support (`reason` says how
   * they were identified). Whatever the tariff says is due must be paid first.
   */
  async recordClaim(
    sessionId: string,
    payload: string | null,
    reason: string | null,
    actor: string,
  ): Promise<SessionView> {
    const why = text('reason', reason, 500, false);
    if (!payload && !why)
      throw badInput('payload', 'Give the access code, or a reason saying how the depositor was identified');
    return this.step(sessionId, async (tx, fx, s, now) => {
      if (!s.removedAt)
        throw conflict('The bag has not been removed: the depositor collects it at the locker');
      if (s.disposedAt || s.status !== 'STORED')
        throw conflict('The bag has already been claimed or disposed of');
      if (payload) {
        const code = normaliseAccessCode(payload);
        // the hash is a lazy column: read it alone
        const [row] = await tx.execute<{ code_hash: string }[]>(
          'select code_hash from storage_session where id = ?',
          [s.id],
        );
        if (!code || hashAccessCode(code) !== row?.code_hash)
          throw badInput('payload', 'This code does not belong to the session');
      }
      const paid = await paidFor(tx, s.id);
      const due = amountDue({ ...s, paid }, now);
      if (due > 0)
        throw conflict(
          `${formatMoney({ amount: due, currency: s.currency }, MESSAGE_LOCALE)} is still due: take the payment first`,
        );
      s.claimedAt = now;
      s.claimedBy = actor;
      s.retrievedAt = now;
      s.endedAt = now;
      s.intent = null;
      const how = payload ? 'with its code' : `through support: ${why}`;
      await moveSession(tx, fx, s, {
        to: 'COMPLETED',
        trigger: 'claimed-from-lost-property',
        actor,
        at: now,
        reason: `claimed from lost property ${how} (${s.lostPropertyRef})`,
        paid,
      });
    });
  }

  /** The bag is disposed of (how); the session ends, whatever was left unpaid stays due. */
  async recordDisposal(sessionId: string, method: string, actor: string): Promise<SessionView> {
    const how = text('method', method, 200)!;
    return this.step(sessionId, async (tx, fx, s, now) => {
      if (!s.removedAt) throw conflict('Remove the bag to lost property before disposing of it');
      if (s.status !== 'STORED') throw conflict('The bag has already been claimed or disposed of');
      s.disposedAt = now;
      s.disposedBy = actor;
      s.disposalMethod = how;
      s.endedAt = now;
      s.intent = null;
      await moveSession(tx, fx, s, {
        to: 'COMPLETED',
        trigger: 'disposed',
        actor,
        at: now,
        reason: `bag disposed of: ${how} (${s.lostPropertyRef})`,
      });
    });
  }

  private step(
    sessionId: string,
    run: (tx: EntityManager, fx: Effects, s: StorageSessionEntity, now: Date) => Promise<void>,
  ): Promise<SessionView> {
    const now = this.clock.now();
    return transact(this.em, this.bus, async (tx, fx) => {
      const s = await tx.findOne(StorageSessionEntity, sessionId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!s) throw notFound('Session');
      await run(tx, fx, s, now);
      return toSessionView(s, await paidFor(tx, s.id));
    });
  }
}
