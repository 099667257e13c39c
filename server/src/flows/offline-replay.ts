import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../events/event-bus.js';
import { toGatewayView } from '../modules/devices/device.types.js';
import { transact, type Effects } from '../db/transaction.js';
import type { Clock } from '../shared/clock.js';
import { CompartmentEntity } from '../entities/compartment.entity.js';
import { GatewayEntity } from '../entities/gateway.entity.js';
import { LockerBankEntity } from '../entities/locker-bank.entity.js';
import { SiteEntity } from '../entities/site.entity.js';
import { formatSiteTime } from '../shared/site-time.js';
import { StorageSessionEntity } from '../entities/session.entity.js';
import {
  SiteOfflineEventEntity,
  type OfflineEventConflict,
  type OfflineEventKind,
  type OfflineEventOutcome,
} from '../entities/site-offline-event.entity.js';
import { siteVerifier } from '../auth/site-verifier.js';
import { badInput } from '../errors/domain-error.js';
import { parseId } from '../shared/ids.js';
import { recordDoorEvent } from '../modules/door-events/door-event.recorder.js';
import { raiseAlert } from '../modules/alerts/alert.raiser.js';
import { moveSession } from '../modules/sessions/session-moves.js';
import { announceCompartment } from '../modules/compartments/compartment.state.js';
import type { DoorReport, DoorReportService } from './door-report.service.js';
import { applyOfflineDeposit } from './offline-deposit.js';

/** An event the site performed while cut off (a retrieval, or a free-size deposit), as its gateway journalled it. */
export interface OfflineRetrieval {
  /** RETRIEVAL when absent. */
  kind?: OfflineEventKind;
  id: string;
  seq: number;
  sessionId: string;
  compartmentId: string;
  verifier: string;
  occurredAt: Date;
  pulseResult: 'SUCCEEDED' | 'FAILED' | 'UNCERTAIN';
  /** A deposit only: sha256 of the code the site issued (the server's lookup key from now on). */
  codeHash?: string | null;
  /** A deposit only: the depositor's language. */
  language?: string | null;
  /** The door readings the site journalled with the event (the evidence, kept through a crash). */
  doorOpenedAt?: Date | null;
  doorClosedAt?: Date | null;
}

/** What became of one replayed event (the same answer for every replay of it). */
export interface OfflineReplayResult {
  id: string;
  outcome: OfflineEventOutcome;
  conflict: OfflineEventConflict | null;
}

const MAX_BATCH = 200;
/** An outage may last hours; a site event older than this is a broken clock or a lost box. */
const MAX_AGE_MS = 7 * 24 * 3600_000;
const MAX_FUTURE_SKEW_MS = 5 * 60_000;
const VERIFIER = /^[0-9a-f]{64}$/;

/**
 * Applies the events a site took while offline, in the site's order, each once (its id is the
 * key: a replay answers what the first one did). The hardware's part is never undone: a door
 * the site opened is an expected opening whatever the server did meanwhile. A stored session
 * whose door opened goes to RETRIEVING, as if scanned at that time, and the door readings the
 * gateway sends next complete it, exactly as online. Conflicts are kept with the event and
 * raised as OFFLINE_CONFLICT alerts for operators.
 */
export class OfflineReplayService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly doorReports: DoorReportService,
  ) {}

  /**
   * `waiting`: how many events the site's journal still holds, these included; the board shows
   * what remains after them (as of this replay: while cut off, the site cannot say).
   */
  async replay(
    gatewayId: string,
    events: OfflineRetrieval[],
    waiting: number | null = null,
  ): Promise<OfflineReplayResult[]> {
    if (events.length > MAX_BATCH) throw badInput('events', `at most ${MAX_BATCH} events per call`);
    if (waiting !== null && (!Number.isSafeInteger(waiting) || waiting < events.length))
      throw badInput('waiting', 'waiting counts the events of this call and those after them');
    const now = this.clock.now();
    for (const e of events) {
      parseId(e.id, 'events.id');
      parseId(e.sessionId, 'events.sessionId');
      parseId(e.compartmentId, 'events.compartmentId');
      if (!Number.isSafeInteger(e.seq) || e.seq < 0) throw badInput('events.seq', 'seq must be 0 or more');
      if (!VERIFIER.test(e.verifier)) throw badInput('events.verifier', 'verifier must be 64 hex digits');
      if ((e.kind ?? 'RETRIEVAL') === 'DEPOSIT' && !VERIFIER.test(e.codeHash ?? ''))
        throw badInput('events.codeHash', 'a deposit carries the hash of its code: 64 hex digits');
      if (e.language != null && e.language.length > 10)
        throw badInput('events.language', 'language must be a language code');
      const offset = e.occurredAt.getTime() - now.getTime();
      if (Number.isNaN(offset)) throw badInput('events.occurredAt', 'occurredAt must be a time');
      if (offset > MAX_FUTURE_SKEW_MS)
        throw badInput('events.occurredAt', 'occurredAt is more than 5 minutes ahead of the server clock');
      if (-offset > MAX_AGE_MS) throw badInput('events.occurredAt', 'occurredAt is more than 7 days old');
      if (e.doorOpenedAt && e.doorOpenedAt < e.occurredAt)
        throw badInput('events.doorOpenedAt', 'the door cannot have opened before the pulse');
      if (e.doorClosedAt && (!e.doorOpenedAt || e.doorClosedAt < e.doorOpenedAt))
        throw badInput('events.doorClosedAt', 'the door closed must follow the door opened');
      for (const at of [e.doorOpenedAt, e.doorClosedAt])
        if (at && (Number.isNaN(at.getTime()) || at.getTime() - now.getTime() > MAX_FUTURE_SKEW_MS))
          throw badInput('events.doorOpenedAt', 'door readings must be times not ahead of the server clock');
    }
    const results: OfflineReplayResult[] = [];
    // One transaction per event, in the site's order: each is applied or not, and a crash
    // between two leaves the first applied and the second to be replayed.
    for (const e of events) {
      const result = await this.applyOne(gatewayId, e);
      results.push(result);
      if (result.outcome !== 'NOT_OPENED') await this.applyDoorReadings(gatewayId, e);
    }
    if (waiting !== null) await this.stillWaiting(gatewayId, waiting - events.length);
    return results;
  }

  /** Operators see the count drop as the site's journal drains. */
  private async stillWaiting(gatewayId: string, count: number): Promise<void> {
    await transact(this.em, this.bus, async (tx, fx) => {
      const g = await tx.findOneOrFail(GatewayEntity, gatewayId);
      if (g.offlineEventsWaiting === count) return;
      g.offlineEventsWaiting = count;
      const view = toGatewayView(g, this.clock.now());
      fx.publish('GATEWAY_UPDATED', g.siteId, () => view); // and to every site's board
    });
  }

  /**
   * The door readings journalled with the retrieval, as door reports: they complete it as an
   * online one. Also on a repeated replay (a crash between the two steps): a reading the server
   * already has is older or equal and changes nothing, as when the door reporter sends it too.
   * They are as old as their event may be: after an outage of more than a day (past the door
   * reporter's bound) a retrieval left without them would be undone by the timers and a
   * collected bag shown stored, and missing from the usage report.
   */
  private async applyDoorReadings(gatewayId: string, e: OfflineRetrieval): Promise<void> {
    const readings: DoorReport[] = [];
    if (e.doorOpenedAt) readings.push({ compartmentId: e.compartmentId, state: 'OPEN', at: e.doorOpenedAt });
    if (e.doorClosedAt)
      readings.push({ compartmentId: e.compartmentId, state: 'CLOSED', at: e.doorClosedAt });
    if (readings.length === 0) return;
    const gateway = await this.em.fork().findOneOrFail(GatewayEntity, gatewayId);
    await this.doorReports.report(gatewayId, gateway.siteId, readings, [], MAX_AGE_MS + MAX_FUTURE_SKEW_MS);
  }

  private applyOne(gatewayId: string, e: OfflineRetrieval): Promise<OfflineReplayResult> {
    return transact(this.em, this.bus, async (tx, fx) => {
      const gateway = await tx.findOneOrFail(GatewayEntity, gatewayId, {
        lockMode: LockMode.PESSIMISTIC_WRITE, // one replay of a gateway at a time: seq order holds
      });
      const seen = await tx.findOne(SiteOfflineEventEntity, e.id);
      if (seen) {
        if (seen.gatewayId !== gatewayId || seen.seq !== e.seq)
          throw badInput('events.id', 'this event id was replayed with another place in the journal');
        return { id: seen.id, outcome: seen.outcome, conflict: seen.conflict };
      }
      if (await tx.findOne(SiteOfflineEventEntity, { gatewayId, seq: e.seq }))
        throw badInput('events.seq', 'another event was replayed at this place in the journal');
      const compartment = await this.ownCompartment(tx, gatewayId, e.compartmentId);
      const kind = e.kind ?? 'RETRIEVAL';
      if (kind === 'DEPOSIT' && siteVerifier(gateway.siteId, e.codeHash!) !== e.verifier)
        throw badInput('events.verifier', "a deposit's verifier must be that of its code at this site");
      const { outcome, conflict } =
        kind === 'DEPOSIT'
          ? await this.deposit(tx, fx, gateway, compartment, e)
          : await this.decide(tx, fx, gateway, compartment, e);
      tx.create(SiteOfflineEventEntity, {
        id: e.id,
        gatewayId,
        siteId: gateway.siteId,
        seq: e.seq,
        kind,
        sessionId: e.sessionId,
        compartmentId: e.compartmentId,
        pulseResult: e.pulseResult,
        occurredAt: e.occurredAt,
        receivedAt: this.clock.now(),
        outcome,
        conflict,
      } as SiteOfflineEventEntity);
      await tx.flush();
      return { id: e.id, outcome, conflict };
    });
  }

  private async ownCompartment(
    tx: EntityManager,
    gatewayId: string,
    compartmentId: string,
  ): Promise<CompartmentEntity> {
    const c = await tx.findOne(CompartmentEntity, compartmentId);
    const bank = c ? await tx.findOne(LockerBankEntity, c.bankId) : null;
    if (!c || bank?.gatewayId !== gatewayId)
      throw badInput('events.compartmentId', `compartment ${compartmentId} is not driven by this gateway`);
    return c;
  }

  private async deposit(
    tx: EntityManager,
    fx: Effects,
    gateway: GatewayEntity,
    c: CompartmentEntity,
    e: OfflineRetrieval,
  ): Promise<{ outcome: OfflineEventOutcome; conflict: OfflineEventConflict | null }> {
    const decision = await applyOfflineDeposit(tx, fx, gateway, c, {
      sessionId: e.sessionId,
      compartmentId: c.id,
      codeHash: e.codeHash!,
      language: e.language ?? null,
      occurredAt: e.occurredAt,
      pulseResult: e.pulseResult,
    });
    if (decision.conflict) await this.alert(tx, fx, c, e, decision.conflict);
    return decision;
  }

  private async decide(
    tx: EntityManager,
    fx: Effects,
    gateway: GatewayEntity,
    c: CompartmentEntity,
    e: OfflineRetrieval,
  ): Promise<{ outcome: OfflineEventOutcome; conflict: OfflineEventConflict | null }> {
    if (e.pulseResult === 'FAILED') return { outcome: 'NOT_OPENED', conflict: null };
    const actor = `site:${gateway.id}`;
    // Session first, then compartment: the lock order of every state change.
    const session = await tx.findOne(StorageSessionEntity, e.sessionId, {
      lockMode: LockMode.PESSIMISTIC_WRITE,
    });
    await tx.findOne(CompartmentEntity, c.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const site = await tx.findOneOrFail(SiteEntity, gateway.siteId);
    const conflictOf = (): OfflineEventConflict | null => {
      if (!session || session.siteId !== gateway.siteId || session.compartmentId !== c.id)
        return 'UNKNOWN_SESSION';
      if (session.status === 'COMPLETED' || session.status === 'CANCELLED') return 'SESSION_ENDED';
      if (session.status !== 'STORED') return 'SESSION_BUSY';
      return null;
    };
    const blocking = conflictOf();
    // The site's pulse happened: its door opening is expected, not forced, whatever follows.
    c.unlockExpectedUntil = new Date(
      e.occurredAt.getTime() + (site.unlockAckTimeoutSeconds + site.depositWindowSeconds) * 1000,
    );
    const detail = `opened at the site while offline (${e.pulseResult === 'SUCCEEDED' ? 'pulsed' : 'pulse uncertain'})`;
    recordDoorEvent(fx, {
      type: e.pulseResult === 'SUCCEEDED' ? 'UNLOCKED' : 'UNLOCK_REQUESTED',
      compartment: c,
      sessionId: blocking === 'UNKNOWN_SESSION' ? null : e.sessionId,
      actor,
      detail,
      at: e.occurredAt,
    });
    announceCompartment(fx, c);
    if (blocking || !session) {
      await this.alert(tx, fx, c, e, blocking ?? 'UNKNOWN_SESSION');
      return { outcome: 'APPLIED_WITH_CONFLICT', conflict: blocking ?? 'UNKNOWN_SESSION' };
    }
    const [row] = await tx.execute<{ code_hash: string }[]>(
      'select code_hash from storage_session where id = ?',
      [session.id],
    );
    const replaced = !row || siteVerifier(gateway.siteId, row.code_hash) !== e.verifier;
    session.intent = 'RETRIEVE';
    session.opStartedAt = e.occurredAt;
    session.opDoorOpened = false;
    await moveSession(tx, fx, session, {
      to: 'RETRIEVING',
      trigger: 'scan',
      actor,
      at: e.occurredAt,
      reason: replaced
        ? 'retrieved at the site while offline with a code replaced meanwhile'
        : 'retrieved at the site while offline',
    });
    if (!replaced) return { outcome: 'APPLIED', conflict: null };
    await this.alert(tx, fx, c, e, 'CODE_REPLACED');
    return { outcome: 'APPLIED_WITH_CONFLICT', conflict: 'CODE_REPLACED' };
  }

  private async alert(
    tx: EntityManager,
    fx: Effects,
    c: CompartmentEntity,
    e: OfflineRetrieval,
    conflict: OfflineEventConflict,
  ): Promise<void> {
    // the site's own time, as its operators read it
    const site = await tx.findOneOrFail(SiteEntity, c.siteId);
    raiseAlert(tx, fx, {
      type: 'OFFLINE_CONFLICT',
      siteId: c.siteId,
      compartmentId: c.id,
      sessionId: SESSIONLESS.includes(conflict) ? null : e.sessionId,
      message: `Compartment ${c.label} was opened at the site while offline (${formatSiteTime(e.occurredAt, site.timezone)}): ${CONFLICT_TEXT[conflict]}`,
      at: this.clock.now(),
    });
  }
}

const CONFLICT_TEXT: Record<OfflineEventConflict, string> = {
  SESSION_ENDED: 'the session had already ended on the server; check the compartment',
  CODE_REPLACED: 'with the code the site knew, replaced on the server meanwhile; the retrieval stands',
  SESSION_BUSY: 'the server had a door operation under way for the session; check the compartment',
  UNKNOWN_SESSION: 'for no stored session of this compartment; check the compartment',
  COMPARTMENT_TAKEN:
    'a bag was deposited there, but the server had given the compartment to another session; check the compartment and hand the bag over against the code the traveller shows',
  CODE_IN_USE:
    'a bag was deposited there with a code the server already knows; check the compartment and hand the bag over against the code the traveller shows',
};

/** Conflicts whose session the server does not have: the alert names none. */
const SESSIONLESS: readonly OfflineEventConflict[] = ['UNKNOWN_SESSION', 'COMPARTMENT_TAKEN', 'CODE_IN_USE'];
