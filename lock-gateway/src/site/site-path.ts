/**
 * The local path at the site: while the server cannot be reached, a deposit of a free size
 * opens an empty compartment the server left to the site (once the outage is old enough that
 * the server allocates nothing here), and a scan of a stored, paid bag opens its door through the gateway's own executor (the same Modbus path and journal as
 * a server's UNLOCK), ends the session here and is journalled; on reconnect every such event
 * is replayed to the server once, in order, before any door reading of the outage is sent,
 * and the replica is read again in full.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CommandExecutor } from '../commands/command-executor.js';
import type { CommandRecord } from '../commands/command-store.js';
import type { CommandResult, DoorReport, GatewaySetup } from '../link/api.types.js';
import { isServerFault, isTransportError } from '../link/graphql-http.js';
import { sleep } from '../locks/lock-pulser.js';
import type { OfflineRetrieval } from './offline-journal.js';
import type { ReplayEvent, SiteApi } from './site-api.js';
import {
  FreeCompartments,
  type FreeCompartmentSources,
  type SiteDepositStatus,
} from './free-compartments.js';
import { offlineRetrievalRefusal, type SiteRefusal } from './site-scan.js';
import { codeHash, codeVerifier, newSiteCode, normaliseCode } from './site-verifier.js';

/** What a scan at the site path did. */
export type SiteScanResult =
  | { ok: true; compartmentId: string; compartmentLabel: string; pulse: CommandResult }
  | { ok: false; refusal: SiteRefusal };

/** What a deposit at the site path did: the code is shown to the traveller once, and kept nowhere here. */
export type SiteDepositResult =
  | {
      ok: true;
      compartmentLabel: string;
      size: string;
      code: string;
      includedMinutes: number;
      dueAt: string;
      pulse: CommandResult;
    }
  | { ok: false; refusal: SiteRefusal };

/** A code the site can judge: a stored bag of the replica, or a deposit taken here. */
interface KnownCode {
  sessionId: string;
  compartmentId: string;
  amountDue: number;
  paidUntil: string | null;
}

/** What the site path is built from (and its free compartments judged from). */
export interface SitePathOptions extends FreeCompartmentSources {
  api: SiteApi;
  executor: CommandExecutor;
  /** The executor's journal entry for a command id (a pulse interrupted by a crash). */
  commandRecord: (id: string) => CommandRecord | undefined;
  log: Logger;
  /** How long an offline pulse may take before it is not started (like a command's expiry). */
  pulseDeadlineMs?: number;
}

const REPLAY_BATCH = 100;

/** The site path. */
export class SitePath {
  private refreshTimer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;
  private readonly free: FreeCompartments;

  constructor(private readonly o: SitePathOptions) {
    this.free = new FreeCompartments(o);
  }

  /** The server sent an unlock for this compartment: a deposit may be under way there. */
  commandSeen(compartmentId: string, at = Date.now()): void {
    this.free.commandSeen(compartmentId, at);
  }

  /** Events waiting to reach the server. */
  get pendingEvents(): number {
    return this.o.journal.pending().length;
  }

  /** Status for the kiosk and for operators on site. */
  status(): {
    online: boolean;
    pendingEvents: number;
    replicaAsOf: string | null;
    storedBags: number;
    deposits: SiteDepositStatus;
  } {
    const snapshot = this.o.replica.snapshot;
    const retrieved = this.o.journal.retrievedSessions();
    const deposited = this.o.journal.deposits().filter((d) => !retrieved.has(d.sessionId)).length;
    return {
      online: this.o.online(),
      pendingEvents: this.pendingEvents,
      replicaAsOf: snapshot?.asOf ?? null,
      storedBags: (snapshot?.sessions ?? []).filter((s) => !retrieved.has(s.sessionId)).length + deposited,
      deposits: this.free.status(),
    };
  }

  /**
   * A deposit of a free size while the server is away: an empty compartment the server left to
   * the site is chosen and journalled (fsynced, with the code's hash and verifier) before its
   * lock is pulsed; the code is returned once and kept nowhere. Replayed on reconnect, it
   * becomes the server's session, stored by the door readings journalled with it.
   */
  async deposit(size: string, language: string | null, now = new Date()): Promise<SiteDepositResult> {
    const { replica, journal, log } = this.o;
    if (this.o.online()) return refuse('SERVER_REACHABLE');
    const snapshot = replica.snapshot;
    const setup = replica.setup;
    if (!snapshot || !setup) return refuse('NOT_READY');
    const openFrom = this.free.openFrom();
    if (openFrom === null || now.getTime() < openFrom) return refuse('DEPOSITS_NOT_YET');
    const terms = snapshot.freeSizes?.find((z) => z.size === size);
    if (!terms) return refuse('SIZE_NOT_FREE');
    const target = this.free.list().find((c) => c.size === size);
    const compartment = target && setup.compartments.find((c) => c.compartmentId === target.compartmentId);
    if (!target || !compartment) return refuse('NO_COMPARTMENT_AVAILABLE');
    const code = newSiteCode();
    const paidUntil = new Date(now.getTime() + (terms.includedMinutes + terms.graceMinutes) * 60_000);
    let event: OfflineRetrieval;
    try {
      // Synchronously, before any await: the next deposit sees this compartment taken.
      event = journal.recordDeposit({
        id: randomUUID(),
        sessionId: randomUUID(),
        compartmentId: target.compartmentId,
        verifier: codeVerifier(snapshot.siteId, code),
        codeHash: codeHash(code),
        size,
        language,
        paidUntil: paidUntil.toISOString(),
        occurredAt: now.toISOString(),
      });
    } catch (error) {
      log.error({ error: (error as Error).message }, 'offline journal not written: door not opened');
      return refuse('NOT_RECORDED');
    }
    const outcome = await this.pulse(event, compartment, setup.pulseMs, now);
    log.info(
      { eventId: event.id, seq: event.seq, compartment: compartment.label, result: outcome },
      'offline deposit',
    );
    if (outcome === 'FAILED') return refuse('DOOR_FAILED');
    return {
      ok: true,
      compartmentLabel: compartment.label,
      size,
      code,
      includedMinutes: terms.includedMinutes,
      dueAt: new Date(now.getTime() + terms.includedMinutes * 60_000).toISOString(),
      pulse: outcome,
    };
  }

  /** A code the site can judge: a stored bag of the replica, or a deposit taken here during the outage. */
  private findCode(verifier: string): KnownCode | undefined {
    const stored = this.o.replica.find(verifier);
    if (stored) return stored;
    const deposit = this.o.journal.deposits().find((d) => d.verifier === verifier);
    return deposit
      ? {
          sessionId: deposit.sessionId,
          compartmentId: deposit.compartmentId,
          amountDue: 0,
          paidUntil: deposit.paidUntil,
        }
      : undefined;
  }

  /** A scan at the site while the server is away. */
  async scan(raw: string, now = new Date()): Promise<SiteScanResult> {
    const { replica, journal, log } = this.o;
    if (this.o.online()) return refuse('SERVER_REACHABLE');
    const code = normaliseCode(raw);
    if (!code) return refuse('INVALID_CODE');
    const snapshot = replica.snapshot;
    const setup = replica.setup;
    if (!snapshot || !setup) return refuse('NOT_READY');
    const verifier = codeVerifier(snapshot.siteId, code);
    const session = this.findCode(verifier);
    if (!session) return refuse('UNKNOWN_CODE');
    if (journal.retrievedSessions().has(session.sessionId)) return refuse('ALREADY_OPENED');
    const refusal = offlineRetrievalRefusal(session, now);
    if (refusal) return refuse(refusal);
    const compartment = setup.compartments.find((c) => c.compartmentId === session.compartmentId);
    if (!compartment) return refuse('NOT_READY');
    let event: OfflineRetrieval;
    try {
      // Synchronously, before any await: a second scan of the code now answers ALREADY_OPENED.
      event = journal.recordRetrieval({
        id: randomUUID(),
        sessionId: session.sessionId,
        compartmentId: session.compartmentId,
        verifier,
        occurredAt: now.toISOString(),
      });
    } catch (error) {
      log.error({ error: (error as Error).message }, 'offline journal not written: door not opened');
      return refuse('NOT_RECORDED');
    }
    const result = await this.pulse(event, compartment, setup.pulseMs, now);
    log.info(
      { eventId: event.id, seq: event.seq, compartment: compartment.label, result },
      'offline retrieval',
    );
    if (result === 'FAILED') return refuse('DOOR_FAILED');
    return {
      ok: true,
      compartmentId: compartment.compartmentId,
      compartmentLabel: compartment.label,
      pulse: result,
    };
  }

  /** Pulses the event's lock through the executor (at most once per event id) and journals the outcome. */
  private async pulse(
    event: OfflineRetrieval,
    compartment: GatewaySetup['compartments'][number],
    pulseMs: number,
    now: Date,
  ): Promise<CommandResult> {
    const outcome = await this.o.executor.handle(
      {
        id: event.id,
        type: 'UNLOCK',
        compartmentId: compartment.compartmentId,
        modbus: compartment.modbus,
        pulseMs,
        issuedAt: event.occurredAt,
        expiresAt: new Date(now.getTime() + (this.o.pulseDeadlineMs ?? 10_000)).toISOString(),
      },
      { acknowledge: false },
    );
    try {
      this.o.journal.recordPulse(event.id, outcome.result);
    } catch (error) {
      // the event's line is there: replayed as UNCERTAIN, the door readings settle it
      this.o.log.error(
        { error: (error as Error).message, eventId: event.id },
        'offline pulse outcome not journalled',
      );
    }
    return outcome.result;
  }

  /** The set-up saved before a restart. */
  get savedSetup(): GatewaySetup | null {
    return this.o.replica.setup;
  }

  /**
   * Door readings from the poller: the opening and closing that follow an offline pulse are
   * journalled with its event, so they reach the server with the replay even if the process
   * dies before the door reporter delivers them.
   */
  doorChanges(changes: DoorReport[]): void {
    const pending = this.o.journal.pending().filter((e) => e.pulseResult !== 'FAILED' && !e.doorClosedAt);
    if (pending.length === 0) return;
    for (const change of changes) {
      const event = pending.filter((e) => e.compartmentId === change.compartmentId).at(-1);
      if (!event || Date.parse(change.at) < Date.parse(event.occurredAt)) continue;
      try {
        if (change.state === 'OPEN' && !event.doorOpenedAt)
          this.o.journal.recordDoor(event.id, 'OPEN', change.at);
        else if (change.state === 'CLOSED' && event.doorOpenedAt && !event.doorClosedAt)
          this.o.journal.recordDoor(event.id, 'CLOSED', change.at);
      } catch (error) {
        // the door reporter still has the reading; only the crash-proof copy is missing
        this.o.log.error(
          { error: (error as Error).message, eventId: event.id },
          'door reading not journalled',
        );
      }
    }
  }

  /** Keeps the set-up the gateway applied, for pulses after a restart during an outage. */
  setupApplied(setup: GatewaySetup): void {
    this.o.replica.saveSetup(setup);
  }

  /**
   * The link is up: replay every offline event until the server has them all (while the link
   * stays up), then read the replica in full. Resolves when done or when the link went down.
   */
  async reconnected(): Promise<void> {
    for (let attempt = 1; this.o.online(); attempt++) {
      try {
        await this.replayAll();
        break;
      } catch (error) {
        this.o.log.warn(
          { error: (error as Error).message, pending: this.pendingEvents },
          'offline replay failed; retrying',
        );
        await sleep(Math.min(5000, 100 * 2 ** attempt));
      }
    }
    if (this.o.online()) await this.refreshNow();
  }

  /** The server announced a change to one of the site's sessions: read the replica soon. */
  changed(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refreshNow();
    }, 100);
    this.refreshTimer.unref();
  }

  stop(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  /** Reads the replica in full (one read at a time; a failure waits for the next change or reconnect). */
  async refreshNow(): Promise<void> {
    while (this.refreshing) await this.refreshing;
    this.refreshing = (async () => {
      try {
        this.o.replica.replace(await this.o.api.fetchReplica());
      } catch (error) {
        this.o.log.warn({ error: (error as Error).message }, 'site replica not refreshed');
      }
    })().finally(() => (this.refreshing = null));
    await this.refreshing;
  }

  private async replayAll(): Promise<void> {
    const { journal, log } = this.o;
    for (
      let batch = journal.pending().slice(0, REPLAY_BATCH);
      batch.length > 0;
      batch = journal.pending().slice(0, REPLAY_BATCH)
    ) {
      const events = batch.map((e) => this.toReplay(e));
      try {
        const results = await this.o.api.replay(events, journal.pending().length);
        log.info(
          { count: results.length, conflicts: results.filter((r) => r.conflict).length },
          'offline events replayed',
        );
      } catch (error) {
        if (isTransportError(error) || isServerFault(error)) throw error;
        // Refused: one by one, so one bad event does not hold back the rest forever.
        await this.replayEach(events);
      }
      journal.recordSynced(batch[batch.length - 1]!.seq);
    }
  }

  private async replayEach(events: ReplayEvent[]): Promise<void> {
    for (const e of events) {
      try {
        await this.o.api.replay([e], this.o.journal.pending().length);
      } catch (error) {
        if (isTransportError(error) || isServerFault(error)) throw error;
        this.o.log.error(
          { eventId: e.id, error: (error as Error).message },
          'server refused an offline event',
        );
        this.o.journal.recordRefused(e.id, (error as Error).message);
      }
      this.o.journal.recordSynced(e.seq);
    }
  }

  private toReplay(e: OfflineRetrieval): ReplayEvent {
    return {
      kind: e.kind,
      codeHash: e.codeHash,
      language: e.language,
      id: e.id,
      seq: e.seq,
      sessionId: e.sessionId,
      compartmentId: e.compartmentId,
      verifier: e.verifier,
      occurredAt: e.occurredAt,
      pulseResult: e.pulseResult ?? this.interrupted(e.id),
      doorOpenedAt: e.doorOpenedAt,
      doorClosedAt: e.doorClosedAt,
    };
  }

  /** A pulse whose outcome was not journalled (a crash): never begun = FAILED, begun = UNCERTAIN. */
  private interrupted(id: string): CommandResult {
    const record = this.o.commandRecord(id);
    if (!record) return 'FAILED';
    return record.phase === 'done' ? record.result : 'UNCERTAIN';
  }
}

function refuse(refusal: SiteRefusal): { ok: false; refusal: SiteRefusal } {
  return { ok: false, refusal };
}
