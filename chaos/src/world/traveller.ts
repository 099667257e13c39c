/**
 * A traveller, as people use the lockers: gets a code at the kiosk (a free SMALL, or a paid
 * size paid with the demo tap-card), scans it, waits at the door that the kiosk named until
 * it springs open, puts the bag in and shuts it; later scans again, takes the bag out and
 * shuts the door. An error or a network failure at the kiosk is retried, as the kiosk does.
 * What they are told that contradicts what they did is kept as an anomaly; the checker
 * decides losses from the final state, not from these.
 */
import type { DoorRecord } from '../../../lock-gateway/src/simulator/door-log.ts';
import { sleep, type Rng } from '../lib/rng.ts';
import type { Door, History } from '../history.ts';
import type { Kiosk, ScanAnswer } from './kiosk.ts';
import type { SimWatch } from './sim-watch.ts';

/** How long a traveller waits and how often they come back. */
export interface TravellerPace {
  /** How long they wait at a door the kiosk named before scanning again. */
  doorWaitMs: number;
  /** How long they keep trying one deposit or one collection before giving up. */
  patienceMs: number;
  /** Time between a deposit and its collection. */
  storeMs: [number, number];
  /** How long they stay at the door after giving up (longer than an unlock command lives). */
  lingerMs: number;
  /** Share of sessions that ask for a paid size. */
  paidShare: number;
}

export interface TravellerWorld {
  kiosk: Kiosk;
  watch: SimWatch;
  history: History;
  doors: ReadonlyMap<string, Door>;
  prices: ReadonlyMap<string, number>;
  pace: TravellerPace;
  /** True once the run stops starting new sessions. */
  stopping(): boolean;
}

type Step = { kind: 'done'; door: Door } | { kind: 'gave-up' } | { kind: 'anomaly' };

/** One traveller; `run` loops deposit/collect until the run stops. */
export class Traveller {
  readonly id: number;
  private readonly world: TravellerWorld;
  private readonly rng: Rng;

  constructor(id: number, world: TravellerWorld, rng: Rng) {
    this.id = id;
    this.world = world;
    this.rng = rng;
  }

  async run(): Promise<void> {
    const w = this.world;
    while (!w.stopping()) {
      const size = this.rng.chance(w.pace.paidShare) ? 'MEDIUM' : 'SMALL';
      const issued = await this.issue(size);
      if (!issued) return;
      const deposit = await this.operate(issued, 'deposit', null);
      if (deposit.kind !== 'done') continue;
      const until = Date.now() + this.rng.between(...w.pace.storeMs);
      while (Date.now() < until && !w.stopping()) await sleep(250);
      // When the run ends, some bags stay in: the final check wants stored sessions too.
      if (w.stopping() && this.rng.chance(0.5)) return;
      await this.operate(issued, 'collect', deposit.door);
    }
  }

  private async issue(size: string): Promise<{ sessionId: string; payload: string } | null> {
    const w = this.world;
    while (!w.stopping()) {
      const at = Date.now();
      const r = await w.kiosk.issue(size);
      w.history.operations.push({
        traveller: this.id,
        sessionId: r.ok ? r.data.issueAccessCode.session.id : null,
        kind: 'issue',
        at,
        ms: Date.now() - at,
        answer: r.ok ? 'ISSUED' : r.error,
      });
      if (r.ok) {
        const sessionId = r.data.issueAccessCode.session.id;
        w.history.sessions.set(sessionId, { traveller: this.id, size, price: w.prices.get(size) ?? 0 });
        return { sessionId, payload: r.data.issueAccessCode.code.payload };
      }
      await sleep(1000);
    }
    return null;
  }

  /**
   * One deposit or one collection, from the first scan to the door shut again. The traveller
   * stands at the door they know of (their own compartment, for a collection; the one the
   * kiosk named, for a deposit) and uses it as soon as it has sprung open since they came to
   * it, also when the kiosk's answer was lost on the way (the scan went through, the reply did not).
   */
  private async operate(
    s: { sessionId: string; payload: string },
    what: 'deposit' | 'collect',
    bagIn: Door | null,
  ): Promise<Step> {
    const w = this.world;
    const wanted = what === 'deposit' ? 'UNLOCKING_FOR_DEPOSIT' : 'UNLOCKING_FOR_RETRIEVAL';
    const startedAt = Date.now();
    const giveUpAt = startedAt + w.pace.patienceMs;
    let door: Door | null = null;
    /** Where the door log stood when this operation began. */
    const begun = w.watch.position;
    let since = begun;
    const standAt = (next: Door | null, position: number): void => {
      if (!next || next.compartmentId === door?.compartmentId) return;
      if (door) w.watch.release(door);
      door = next;
      since = position;
      w.watch.own(next);
    };
    const finish = async (opened: DoorRecord, at: Door): Promise<Step> => {
      await this.useDoor(s.sessionId, at, opened, what);
      return { kind: 'done', door: at };
    };
    standAt(bagIn, since);
    try {
      while (Date.now() < giveUpAt) {
        if (door && w.watch.isOpen(door)) {
          const opened = await w.watch.waitOpen(door, since, 0);
          if (opened) return await finish(opened, door);
        }
        const position = w.watch.position;
        const answer = await this.scan(s);
        if (!answer) {
          await sleep(1000);
          continue;
        }
        let waitMs = w.pace.doorWaitMs;
        switch (answer.outcome) {
          case wanted: {
            const named = this.doorOf(answer.compartment?.id);
            if (what === 'collect' && named && bagIn && named.compartmentId !== bagIn.compartmentId) {
              this.anomaly(s.sessionId, `collection opened ${named.label}, the bag is in ${bagIn.label}`);
              return { kind: 'anomaly' };
            }
            standAt(named, position);
            break;
          }
          case 'BUSY':
            // This session's door operation is under way (the kiosk shows the locker): go there.
            // Its answer was lost, so the door may have sprung open before the traveller came:
            // an opening since the operation began is theirs (the server holds the compartment
            // for this session alone).
            standAt(this.doorOf(answer.session?.compartment?.id), begun);
            waitMs = 4000;
            break;
          case 'PAYMENT_REQUIRED':
            await this.pay(s.sessionId);
            continue;
          case 'NO_COMPARTMENT_AVAILABLE':
            if (what === 'collect') {
              this.anomaly(
                s.sessionId,
                `collection answered ${answer.outcome}: the server forgot the deposit in ${bagIn?.label}`,
              );
              return { kind: 'anomaly' };
            }
            await sleep(2000);
            continue;
          default:
            this.anomaly(
              s.sessionId,
              `${what} scan answered ${answer.outcome}${bagIn ? ` (bag in ${bagIn.label})` : ''}`,
            );
            return { kind: 'anomaly' };
        }
        const at: Door | null = door;
        if (!at) {
          await sleep(1000);
          continue;
        }
        const opened = await w.watch.waitOpen(at, since, waitMs);
        if (opened) return await finish(opened, at);
      }
      // Before walking away, stay at the door until any unlock still pending must have expired:
      // a door that springs open later would otherwise stand open with nobody at it.
      const last: Door | null = door;
      if (last) {
        const opened = await w.watch.waitOpen(last, since, w.pace.lingerMs);
        if (opened) return await finish(opened, last);
      }
      w.history.anomalies.push({
        traveller: this.id,
        sessionId: s.sessionId,
        at: Date.now(),
        what: `gave up the ${what} after ${w.pace.patienceMs / 1000} s`,
        gaveUp: { since: startedAt, what },
      });
      return { kind: 'gave-up' };
    } finally {
      const last: Door | null = door;
      if (last) w.watch.release(last);
    }
  }

  /** Bag in or out, then shut the door. */
  private async useDoor(
    sessionId: string,
    door: Door,
    opened: DoorRecord,
    what: 'deposit' | 'collect',
  ): Promise<void> {
    const w = this.world;
    await sleep(this.rng.between(400, 1500));
    const closedAt = await w.watch.close(door);
    const cycle = {
      traveller: this.id,
      sessionId,
      compartmentId: door.compartmentId,
      openedAt: opened.at,
      closedAt,
    };
    (what === 'deposit' ? w.history.deposits : w.history.retrievals).push(cycle);
  }

  private async scan(s: { sessionId: string; payload: string }): Promise<ScanAnswer | null> {
    const w = this.world;
    const at = Date.now();
    const r = await w.kiosk.scan(s.payload);
    w.history.operations.push({
      traveller: this.id,
      sessionId: s.sessionId,
      kind: 'scan',
      at,
      ms: Date.now() - at,
      answer: r.ok ? r.data.scanAccessCode.outcome : `${r.transport ? 'transport' : 'error'}: ${r.error}`,
      compartmentId: r.ok ? (r.data.scanAccessCode.compartment?.id ?? null) : null,
    });
    if (r.ok && r.data.scanAccessCode.outcome.startsWith('UNLOCKING'))
      w.history.unlockAnsweredAt.push(Date.now());
    return r.ok ? r.data.scanAccessCode : null;
  }

  /** Pays with the demo tap-card: create, then approve; what the traveller was shown is kept. */
  private async pay(sessionId: string): Promise<void> {
    const w = this.world;
    const at = Date.now();
    const created = await w.kiosk.createPayment(sessionId);
    if (!created.ok) {
      w.history.operations.push({
        traveller: this.id,
        sessionId,
        kind: 'pay',
        at,
        ms: Date.now() - at,
        answer: created.error,
      });
      await sleep(1000);
      return;
    }
    const p = created.data.createPayment;
    const approved = await w.kiosk.approve(p.id);
    const status = approved.ok ? approved.data.confirmDemoPayment.status : null;
    w.history.operations.push({
      traveller: this.id,
      sessionId,
      kind: 'pay',
      at,
      ms: Date.now() - at,
      answer: status ?? (approved.ok ? '?' : approved.error),
    });
    w.history.payments.push({
      sessionId,
      paymentId: p.id,
      amount: p.amount.amount,
      acknowledged: status,
      at,
    });
    if (!approved.ok) await sleep(1000);
  }

  private doorOf(compartmentId: string | undefined): Door | null {
    return compartmentId ? (this.world.doors.get(compartmentId) ?? null) : null;
  }

  private anomaly(sessionId: string, what: string): void {
    this.world.history.anomalies.push({ traveller: this.id, sessionId, at: Date.now(), what });
  }
}
