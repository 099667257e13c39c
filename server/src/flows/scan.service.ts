import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../events/event-bus.js';
import { transact } from '../db/transaction.js';
import type { Clock } from '../shared/clock.js';
import type { CompartmentEntity } from '../entities/compartment.entity.js';
import { lockCompartment, lockSessionForScan } from './scan.reads.js';
import { holdCompartment } from './compartment-hold.js';
import { conflict, lockUnavailable, notFound } from '../errors/domain-error.js';
import { matchCode } from '../auth/short-code.js';
import { moveSession } from '../modules/sessions/session-moves.js';
import {
  toSessionView,
  type ScanIntent,
  type ScanOutcome,
  type ScanResult,
} from '../modules/sessions/session.types.js';
import { toCompartmentView } from '../modules/compartments/compartment.types.js';
import { amountDue } from '../modules/sessions/charges.js';
import { requestUnlock } from './unlock.js';
import type { UnlockBank } from './unlock-bank.js';
import { LOCKERS_OUT_OF_TOUCH, scanMessage } from './scan.messages.js';
import { money } from '../shared/common.types.js';
import type { RateLimits } from '../security/rate-limits.js';
import type { Metrics } from '../observability/metrics.js';

export interface ScanRequest {
  siteId: string;
  payload: string;
  intent: ScanIntent;
  actor: string;
  /** Rate-limit keys for failed scans: the device and the source address. */
  limitKeys: string[];
}

/**
 * A scan at the lockers: the rules of the contract's steps 2, 4 and 5, in one transaction
 * that locks the session row (concurrent scans of one code queue up and see BUSY) and takes
 * a compartment with FOR UPDATE SKIP LOCKED (concurrent scans never get the same one).
 */
export class ScanService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly limits: RateLimits,
    private readonly metrics: Metrics,
  ) {}

  async scan(req: ScanRequest): Promise<ScanResult> {
    // The code is checked first and only a failed outcome counts (an error of ours never does):
    // a valid code is never refused by the limits, however many arrive at once.
    const result = await this.evaluate(req);
    if (result.outcome === 'INVALID_CODE' || result.outcome === 'WRONG_SITE')
      await this.limits.countFailedScan(req.limitKeys);
    this.metrics.scans.inc({ outcome: result.outcome });
    if (result.outcome === 'UNLOCKING_FOR_DEPOSIT') this.metrics.allocations.inc();
    return result;
  }

  private async evaluate(req: ScanRequest): Promise<ScanResult> {
    const code = matchCode(req.siteId, req.payload);
    if (!code) return outcome('INVALID_CODE');
    return transact(this.em, this.bus, async (tx, fx) => {
      const now = this.clock.now();
      const found = await lockSessionForScan(tx, code);
      if (!found) return outcome('INVALID_CODE');
      const { session, paid, site } = found;
      if (session.siteId !== req.siteId) return outcome('WRONG_SITE');
      const view = () => toSessionView(session, paid);
      switch (session.status) {
        case 'COMPLETED':
        case 'CANCELLED':
          return outcome('SESSION_CLOSED', { session: view() });
        case 'DEPOSITING':
        case 'RETRIEVING':
          return outcome('BUSY', { session: view() });
        case 'CREATED':
        case 'STORED':
          break;
      }
      // an abandoned bag taken out by staff: its compartment is empty (or someone else's now)
      if (session.removedAt) return outcome('COLLECT_FROM_STAFF', { session: view() });
      const due = amountDue({ ...session, paid }, now);
      let target: { compartment: CompartmentEntity; bank: UnlockBank };
      let result: ScanOutcome;
      if (session.status === 'CREATED') {
        // Hold before charge: no compartment, no payment asked for (and none taken).
        let held = await holdCompartment(tx, fx, session, req.actor, now);
        // Free ones held by a door report in progress: wait the milliseconds for them.
        if (!held.compartment && held.held)
          held = await holdCompartment(tx, fx, session, req.actor, now, null, true);
        if (!held.compartment) {
          // Nothing is promised that cannot be done, and a full site is not an offline one.
          if (held.unreachable) throw lockUnavailable(null, LOCKERS_OUT_OF_TOUCH);
          await tx.flush();
          return outcome('NO_COMPARTMENT_AVAILABLE', { session: view() });
        }
        target = held;
        if (due > 0) {
          session.holdUntil = new Date(now.getTime() + site.paymentWindowSeconds * 1000);
          await tx.flush();
          return outcome('PAYMENT_REQUIRED', { session: view(), amountDue: money(due, session.currency) });
        }
        session.holdUntil = null;
        session.intent = 'DEPOSIT';
        result = 'UNLOCKING_FOR_DEPOSIT';
      } else {
        if (due > 0)
          return outcome('PAYMENT_REQUIRED', { session: view(), amountDue: money(due, session.currency) });
        if (
          req.intent === 'ACCESS' &&
          site.accessOpensPerSession !== null &&
          session.accessOpens >= site.accessOpensPerSession
        ) {
          throw conflict(
            `This location allows ${site.accessOpensPerSession} openings during a storage. Scan again to collect your luggage.`,
          );
        }
        const locked = await lockCompartment(tx, session.compartmentId!, now);
        if (!locked) throw notFound('Compartment');
        target = locked;
        session.intent = req.intent;
        result = req.intent === 'ACCESS' ? 'UNLOCKING_FOR_ACCESS' : 'UNLOCKING_FOR_RETRIEVAL';
      }
      const { compartment, bank } = target;
      session.opStartedAt = now;
      session.opDoorOpened = false;
      const to = session.status === 'CREATED' ? 'DEPOSITING' : 'RETRIEVING';
      await moveSession(tx, fx, session, {
        to,
        trigger: 'scan',
        actor: req.actor,
        at: now,
        reason: result,
        paid,
      });
      await requestUnlock(tx, fx, {
        compartment,
        bank,
        site,
        sessionId: session.id,
        actor: req.actor,
        detail: result,
        at: now,
      });
      // the changes and the appended rows in one statement; the views carry the new versions
      await fx.settle(tx);
      return outcome(result, {
        session: toSessionView(session, paid),
        compartment: toCompartmentView(compartment),
      });
    });
  }
}

function outcome(o: ScanOutcome, parts: Partial<Omit<ScanResult, 'outcome' | 'message'>> = {}): ScanResult {
  const amount = parts.amountDue ?? undefined;
  return {
    outcome: o,
    session: parts.session ?? null,
    compartment: parts.compartment ?? null,
    amountDue: parts.amountDue ?? null,
    message: scanMessage(o, parts.compartment?.label, amount),
  };
}
