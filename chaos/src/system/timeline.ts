/**
 * When each part of the system was up: the server (ready to killed), each gateway process
 * (started to killed), the database link (not cut). The checker asks it whether a door
 * reading could have reached the server at all before holding a loss against it.
 */
export type Part = 'server' | 'gateway' | 'db' | 'modbus';

export interface PartChange {
  part: Part;
  up: boolean;
  at: number;
}

export type Interval = [start: number, end: number];

/** Up/down changes of each part, in time order. */
export class Timeline {
  readonly changes: PartChange[] = [];
  readonly startedAt: number;

  constructor(startedAt: number) {
    this.startedAt = startedAt;
  }

  mark(part: Part, up: boolean, at = Date.now()): void {
    this.changes.push({ part, up, at });
  }

  /** The intervals in which `part` was up (open ones end at `until`). */
  up(part: Part, until = Date.now()): Interval[] {
    return upIntervals(this.changes, part, this.startedAt, until);
  }
}

/** Up intervals of `part` from its changes; a part with no change was up all along. */
export function upIntervals(
  changes: readonly PartChange[],
  part: Part,
  from: number,
  until: number,
): Interval[] {
  const out: Interval[] = [];
  let upSince: number | null = from;
  for (const c of changes) {
    if (c.part !== part) continue;
    if (c.up && upSince === null) upSince = c.at;
    else if (!c.up && upSince !== null) {
      out.push([upSince, c.at]);
      upSince = null;
    }
  }
  if (upSince !== null) out.push([upSince, until]);
  return out;
}

/** The parts of `a` that are also in `b` (both sorted, non-overlapping). */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [s1, e1] of a) {
    for (const [s2, e2] of b) {
      const s = Math.max(s1, s2);
      const e = Math.min(e1, e2);
      if (e > s) out.push([s, e]);
    }
  }
  return out.sort((x, y) => x[0] - y[0]);
}
