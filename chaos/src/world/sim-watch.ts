/**
 * The suite's eyes on the physical site: follows the simulator's door log, tells a waiting
 * traveller when their door springs open, and plays the attendant who shuts a door that
 * stands open with nobody at it (a door opened by a late pulse after its traveller left).
 */
import type { DoorRecord } from '../../../lock-gateway/src/simulator/door-log.ts';
import type { Door, History } from '../history.ts';

const key = (unitId: number, input: number): string => `${unitId}:${input}`;

interface Waiter {
  key: string;
  afterSeq: number;
  resolve(record: DoorRecord): void;
}

/** Polls `GET /door-log` of the simulator. */
export class SimWatch {
  private seq = 0;
  private readonly open = new Map<string, DoorRecord>();
  private readonly owned = new Set<string>();
  private readonly lastChange = new Map<string, number>();
  private readonly waiters = new Set<Waiter>();
  private readonly timer: NodeJS.Timeout;
  private polling = false;
  private readonly controlUrl: string;
  private readonly history: History;
  private readonly doors: readonly Door[];
  private readonly attendantAfterMs: number;

  constructor(controlUrl: string, history: History, doors: readonly Door[], attendantAfterMs = 3000) {
    this.controlUrl = controlUrl;
    this.history = history;
    this.doors = doors;
    this.attendantAfterMs = attendantAfterMs;
    this.timer = setInterval(() => void this.poll(), 100);
  }

  /** The door log's position now: openings after it are new. */
  get position(): number {
    return this.seq;
  }

  /** Resolves with the first opening of `door` after `afterSeq`, or null after `timeoutMs`. */
  waitOpen(door: Door, afterSeq: number, timeoutMs: number): Promise<DoorRecord | null> {
    const k = key(door.unitId, door.input);
    const current = this.open.get(k);
    if (current && current.seq > afterSeq) return Promise.resolve(current);
    return new Promise((resolve) => {
      const waiter: Waiter = { key: k, afterSeq, resolve: (r) => done(r) };
      const timer = setTimeout(() => done(null), timeoutMs);
      const done = (r: DoorRecord | null): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(r);
      };
      this.waiters.add(waiter);
    });
  }

  /** A traveller stands at this door: the attendant leaves it alone. */
  own(door: Door): void {
    this.owned.add(key(door.unitId, door.input));
  }

  release(door: Door): void {
    this.owned.delete(key(door.unitId, door.input));
  }

  isOpen(door: Door): boolean {
    return this.open.has(key(door.unitId, door.input));
  }

  /** When this door last changed (0: never). */
  changedAt(door: Door): number {
    return this.lastChange.get(key(door.unitId, door.input)) ?? 0;
  }

  /** Shuts a door as a person would (the simulator's control API); the close time. */
  async close(door: Door): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(new URL(`/doors/${door.unitId}/${door.input}/close`, this.controlUrl), {
          method: 'POST',
          signal: AbortSignal.timeout(5000),
        });
        if (res.ok) return Date.now();
      } catch {
        // the simulator is never faulted: a failure here is a slow answer, tried again
      }
      if (attempt > 5) throw new Error(`could not close door ${door.label}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const res = await fetch(new URL(`/door-log?after=${this.seq}`, this.controlUrl), {
        signal: AbortSignal.timeout(3000),
      });
      const records = (await res.json()) as DoorRecord[];
      for (const r of records) {
        this.seq = Math.max(this.seq, r.seq);
        const k = key(r.unitId, r.input);
        this.lastChange.set(k, r.at);
        if (r.open) this.open.set(k, r);
        else this.open.delete(k);
        if (!r.open) continue;
        for (const w of [...this.waiters]) if (w.key === k && r.seq > w.afterSeq) w.resolve(r);
      }
      await this.attend();
    } catch {
      // the simulator is never faulted itself; a slow answer is picked up next time
    } finally {
      this.polling = false;
    }
  }

  private async attend(): Promise<void> {
    const now = Date.now();
    for (const [k, record] of this.open) {
      if (this.owned.has(k) || now - record.at < this.attendantAfterMs) continue;
      const door = this.doors.find((d) => key(d.unitId, d.input) === k);
      if (!door) continue;
      this.owned.add(k);
      try {
        const at = await this.close(door);
        this.history.attendantCloses.push({ compartmentId: door.compartmentId, at });
      } finally {
        this.owned.delete(k);
      }
    }
  }
}
