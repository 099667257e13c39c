/**
 * The physical site over time, from the simulator's logs: each door's open intervals, the
 * state of a door at a moment, and whether an opening was read by a gateway that then lived
 * long enough, with the server and its database up, to report it.
 */
import type { DoorRecord } from '../../../lock-gateway/src/simulator/door-log.ts';
import { intersect, upIntervals, type Interval, type PartChange } from '../system/timeline.ts';

/** How long server, database and the reading gateway must be up together for a report to go through. */
export const REPORT_MS = 2000;

export interface OpenInterval {
  opening: DoorRecord;
  closedAt: number | null;
}

const key = (unitId: number, input: number): string => `${unitId}:${input}`;

/** Door log by door: open intervals in time order. */
export class DoorHistory {
  private readonly intervals = new Map<string, OpenInterval[]>();

  constructor(log: readonly DoorRecord[]) {
    for (const r of [...log].sort((a, b) => a.seq - b.seq)) {
      const k = key(r.unitId, r.input);
      const list = this.intervals.get(k) ?? [];
      this.intervals.set(k, list);
      const last = list.at(-1);
      if (r.open) list.push({ opening: r, closedAt: null });
      else if (last && last.closedAt === null) last.closedAt = r.at;
    }
  }

  of(unitId: number, input: number): OpenInterval[] {
    return this.intervals.get(key(unitId, input)) ?? [];
  }

  /** The opening that started exactly at `at` (what a traveller recorded). */
  openingAt(unitId: number, input: number, at: number): OpenInterval | undefined {
    return this.of(unitId, input).find((i) => i.opening.at === at);
  }

  /** Was the door open at some moment within [from, to]? closed at some moment? */
  statesWithin(unitId: number, input: number, from: number, to: number): { open: boolean; closed: boolean } {
    const list = this.of(unitId, input);
    const overlapsOpen = list.some((i) => i.opening.at <= to && (i.closedAt === null || i.closedAt >= from));
    // closed at some moment: not covered entirely by one open interval
    const covered = list.some((i) => i.opening.at <= from && (i.closedAt === null || i.closedAt > to));
    return { open: overlapsOpen, closed: !covered };
  }
}

/** Whether a reading taken at one of `readTimes` could have reached the server. */
export function couldReport(
  readTimes: readonly number[],
  changes: readonly PartChange[],
  from: number,
  until: number,
): boolean {
  const gateways = upIntervals(changes, 'gateway', from, until);
  const serving = intersect(
    upIntervals(changes, 'server', from, until),
    upIntervals(changes, 'db', from, until),
  );
  return readTimes.some((t) => {
    const incarnation = gateways.find(([s, e]) => s <= t && t <= e);
    if (!incarnation) return false;
    const after: Interval = [t, incarnation[1]];
    return intersect(serving, [after]).some(([s, e]) => e - s >= REPORT_MS);
  });
}

/** The read times of an opening: first and last answered read that showed it open. */
export function readTimes(opening: DoorRecord): number[] {
  return [opening.firstReadOpenAt, opening.lastReadOpenAt].filter((t): t is number => typeof t === 'number');
}
