import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../events/event-bus.js';
import { transact } from '../../db/transaction.js';
import type { Clock } from '../../shared/clock.js';
import { StorageSessionEntity } from '../../entities/session.entity.js';
import { nameStoredActors } from '../../db/audit-trail.js';
import { SessionTransitionEntity } from '../../entities/session-transition.entity.js';
import { SiteEntity } from '../../entities/site.entity.js';
import { TariffEntity } from '../../entities/tariff.entity.js';
import { CompartmentEntity } from '../../entities/compartment.entity.js';
import { badInput, conflict, notFound } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { hashAccessCode, newAccessCode, qrSvg } from '../../auth/access-code.js';
import { hashShortCode, matchCode, newShortCode, normaliseShortCode } from '../../auth/short-code.js';
import { normaliseContact, type Contact } from './contact.js';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { announceSession, moveSession } from './session-moves.js';
import { sendAccessCode, type CodeChannel } from './session-notices.js';
import { paidFor, paidForMany } from '../payments/paid-amounts.js';
import { announceCompartment, moveCompartmentIfAllowed } from '../compartments/compartment.state.js';
import { toSessionView, type IssuedAccessCode, type SessionView } from './session.types.js';
import type { CompartmentSize } from '../../entities/compartment.enums.js';
import { refundSessionPayments } from '../payments/automatic-refunds.js';
import { FREE_TARIFF } from '../tariffs/free-tariff.js';

/** Storage sessions: issuing codes, reading, staff actions. Scans live in ScanService. */
export class SessionService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  /** A CREATED session with a fresh code; nothing is allocated until the first scan. */
  async issue(
    siteId: string,
    size: CompartmentSize,
    contactInput: { email?: string | null; phone?: string | null; language?: string | null } | null,
    actor: string,
    requestId: string | null = null,
  ): Promise<IssuedAccessCode> {
    const contact = normaliseContact(contactInput);
    if (requestId !== null && !/^[A-Za-z0-9._:-]{8,64}$/.test(requestId)) {
      throw badInput('requestId', 'requestId must be 8 to 64 letters, digits or . _ : -');
    }
    if (requestId !== null) {
      const earlier = await this.em.fork().findOne(StorageSessionEntity, { siteId, requestId });
      // the first answer was lost: same session, and a fresh code (the first one never arrived)
      if (earlier) return this.replaceCode(earlier.id, actor, `issue retried (${requestId})`);
    }
    try {
      return await this.create(siteId, size, contact, actor, requestId);
    } catch (e) {
      // two retries of one request raced: the other one made the session, answer with it;
      // or (about once in 10^9 issues at a busy site) the short code is in use there: draw again
      if (e instanceof UniqueConstraintViolationException)
        return this.issue(siteId, size, contact, actor, requestId);
      throw e;
    }
  }

  private async create(
    siteId: string,
    size: CompartmentSize,
    contact: Contact,
    actor: string,
    requestId: string | null,
  ): Promise<IssuedAccessCode> {
    const payload = newAccessCode();
    const shortCode = newShortCode();
    const now = this.clock.now();
    const session = await transact(this.em, this.bus, async (tx, fx) => {
      const site = await tx.findOne(SiteEntity, siteId);
      if (!site || site.retiredAt) throw notFound('Site');
      const offered = await tx.count(CompartmentEntity, { siteId, size, status: { $ne: 'RETIRED' } });
      const found = await tx.findOne(TariffEntity, { siteId, size });
      if (offered === 0 || found?.retiredAt) throw badInput('size', `This site has no ${size} compartments`);
      const tariff = found ?? FREE_TARIFF;
      const s = tx.create(StorageSessionEntity, {
        id: newId(),
        siteId,
        size,
        requestId,
        status: 'CREATED',
        codeHash: hashAccessCode(payload),
        shortCodeHash: hashShortCode(siteId, normaliseShortCode(shortCode)!),
        codeIssuedAt: now,
        contactEmail: contact.email,
        contactPhone: contact.phone,
        language: contact.language,
        currency: tariff.currency,
        price: tariff.price,
        includedMinutes: tariff.includedMinutes,
        overduePerHour: tariff.overduePerHour,
        graceMinutes: tariff.graceMinutes,
        securityAlertAfterMinutes: tariff.securityAlertAfterMinutes,
        createdAt: now,
      } as StorageSessionEntity);
      fx.append(SessionTransitionEntity, {
        sessionId: s.id,
        at: now,
        fromStatus: null,
        toStatus: 'CREATED',
        actor,
        reason: 'issued',
      });
      await sendAccessCode(tx, s, { payload, shortCode }, now);
      return s;
    });
    return {
      session: toSessionView(session, 0),
      code: { payload, shortCode, qrSvg: await qrSvg(payload), issuedAt: now },
    };
  }

  /** Revokes the session's code at once and returns a new one (support staff, or recovery). */
  async regenerate(sessionId: string, reason: string, actor: string): Promise<IssuedAccessCode> {
    const why = reason.trim();
    if (why.length < 1 || why.length > 500) throw badInput('reason', 'reason must be 1 to 500 characters');
    return this.replaceCode(sessionId, actor, `access code regenerated: ${why}`);
  }

  /**
   * Revokes the current code and issues a new one for the same session (staff, recovery, a
   * retried issue), sent to every contact on file, or only to `opts.only`. `opts.check` runs in
   * the same transaction with the session locked, before anything changes (a limit, the audit).
   */
  async replaceCode(
    sessionId: string,
    actor: string,
    reason: string,
    opts: { only?: CodeChannel; check?: (tx: EntityManager, s: StorageSessionEntity) => Promise<void> } = {},
  ): Promise<IssuedAccessCode> {
    const payload = newAccessCode();
    const shortCode = newShortCode();
    const now = this.clock.now();
    const { session, paid } = await transact(this.em, this.bus, async (tx, fx) => {
      const s = await tx.findOne(StorageSessionEntity, sessionId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!s) throw notFound('Session');
      if (s.status === 'COMPLETED' || s.status === 'CANCELLED')
        throw conflict('The session has ended; its code cannot be renewed');
      await opts.check?.(tx, s);
      // both codes are replaced: the old QR and the old short code are refused from now on
      s.codeHash = hashAccessCode(payload);
      s.shortCodeHash = hashShortCode(s.siteId, normaliseShortCode(shortCode)!);
      s.codeIssuedAt = now;
      fx.append(SessionTransitionEntity, {
        sessionId: s.id,
        at: now,
        fromStatus: s.status,
        toStatus: s.status,
        actor,
        reason,
      });
      await announceSession(tx, fx, s);
      await sendAccessCode(tx, s, { payload, shortCode }, now, opts.only);
      return { session: s, paid: await paidFor(tx, s.id) };
    });
    return {
      session: toSessionView(session, paid),
      code: { payload, shortCode, qrSvg: await qrSvg(payload), issuedAt: now },
    };
  }

  /**
   * Staff ends a session: a stored one is COMPLETED (bag handed over), an unused one
   * CANCELLED. The compartment is free again only when its door cycle says it is empty (a
   * retrieval whose door opened, a deposit whose door never opened); otherwise nobody has
   * seen it emptied, so it needs an inspection before anyone else is sent there.
   */
  async end(sessionId: string, reason: string, actor: string): Promise<SessionView> {
    const why = reason.trim();
    if (why.length < 1 || why.length > 500) throw badInput('reason', 'reason must be 1 to 500 characters');
    const now = this.clock.now();
    return transact(this.em, this.bus, async (tx, fx) => {
      const s = await tx.findOne(StorageSessionEntity, sessionId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!s) throw notFound('Session');
      if (s.status === 'COMPLETED' || s.status === 'CANCELLED')
        throw conflict('The session has already ended');
      const compartment = s.compartmentId
        ? await tx.findOne(CompartmentEntity, s.compartmentId, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      const to = s.status === 'CREATED' || s.status === 'DEPOSITING' ? 'CANCELLED' : 'COMPLETED';
      s.endedAt = now;
      if (to === 'COMPLETED') s.retrievedAt = now;
      // Nothing can be inside: a hold never opened, a deposit whose door never opened, a collection whose door did.
      const emptied =
        s.status === 'CREATED' ||
        (s.status === 'DEPOSITING' && !s.opDoorOpened) ||
        (s.status === 'RETRIEVING' && s.opDoorOpened && s.intent !== 'ACCESS');
      if (s.status === 'DEPOSITING' || s.status === 'CREATED') s.compartmentId = null;
      s.holdUntil = null;
      s.intent = null;
      if (to === 'CANCELLED')
        await refundSessionPayments(tx, fx, s.id, `ended by staff before anything was stored: ${why}`, now);
      if (compartment) {
        compartment.unlockExpectedUntil = null;
        const move = emptied
          ? ({ to: 'AVAILABLE', reason: `session ended by staff: ${why}` } as const)
          : ({
              to: 'NEEDS_INSPECTION',
              reason: `session ended by staff without its door cycle: ${why}`,
            } as const);
        moveCompartmentIfAllowed(tx, fx, compartment, { ...move, trigger: 'ended-by-staff', actor, at: now });
        announceCompartment(fx, compartment);
      }
      await moveSession(tx, fx, s, { to, trigger: 'ended-by-staff', actor, at: now, reason: why });
      return toSessionView(s, await paidFor(tx, s.id));
    });
  }

  /** The session holding a compartment now, if any. */
  /** The open sessions of several compartments, what each has paid read in the same query. */
  async openOnCompartments(compartmentIds: string[]): Promise<Map<string, SessionView>> {
    const em = this.em.fork();
    const sessions = await em.find(StorageSessionEntity, {
      compartmentId: { $in: compartmentIds },
      status: { $in: ['DEPOSITING', 'STORED', 'RETRIEVING'] },
    });
    const paid = await paidForMany(
      em,
      sessions.map((s) => s.id),
    );
    return new Map(sessions.map((s) => [s.compartmentId ?? '', toSessionView(s, paid.get(s.id) ?? 0)]));
  }

  async get(id: string): Promise<SessionView | null> {
    const em = this.em.fork();
    const s = await em.findOne(StorageSessionEntity, id);
    return s ? toSessionView(s, await paidFor(em, s.id)) : null;
  }

  /** The session a code (QR payload, or with `allowShort` the short code) belongs to, at one site; null for unknown, malformed or revoked codes. */
  async byCode(siteId: string, payload: string, allowShort = false): Promise<SessionView | null> {
    const match = matchCode(siteId, payload, allowShort);
    if (!match) return null;
    const em = this.em.fork();
    const s = await em.findOne(StorageSessionEntity, { ...match, siteId });
    return s ? toSessionView(s, await paidFor(em, s.id)) : null;
  }

  /** The session's transitions, their actors by name (people, kiosks, keys). */
  async history(sessionId: string): Promise<SessionTransitionEntity[]> {
    const em = this.em.fork();
    const rows = await em.find(SessionTransitionEntity, { sessionId }, { orderBy: { id: 'asc' } });
    const names = await nameStoredActors(
      em,
      rows.map((r) => r.actor),
    );
    return rows.map((r) => ({ ...r, actor: names.get(r.actor) ?? r.actor }));
  }
}
