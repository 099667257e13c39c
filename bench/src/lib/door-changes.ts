/** Door changes reported as a site's gateway at a fixed rate (fan-out benchmarks). */
import type { BenchContext } from './bench.ts';
import { checkTime } from './bench.ts';
import type { GqlClient } from './gql.ts';
import type { Swarm } from './swarm.ts';
import { wallNow } from './stats.ts';
import type { LostEvent, SentReport } from '../processes/ws-swarm.ts';

const REPORT = `mutation($r: [DoorReport!]!) { reportDoorStates(reports: $r) }`;
let lastAt = 0;

/**
 * Reports `total` door changes, `rate` per second, each toggling the next of `compartments`
 * (`doorState` carries the doors' states from call to call). The sends do not wait for each
 * other's answers (a slow answer must not delay the next change); resolves when all answered.
 */
export async function reportDoorChanges(
  ctx: BenchContext,
  gateway: GqlClient,
  opts: { compartments: string[]; total: number; rate: number; offset: number },
  doorState: Map<string, 'OPEN' | 'CLOSED'>,
  errors: string[],
): Promise<SentReport[]> {
  const reports: SentReport[] = [];
  const interval = 1000 / opts.rate;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < opts.total; i++) {
    checkTime(ctx.signal);
    const wait = start + i * interval - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const c = opts.compartments[(opts.offset + i) % opts.compartments.length]!;
    const state = doorState.get(c) === 'OPEN' ? 'CLOSED' : 'OPEN';
    doorState.set(c, state);
    // Clients match door events to reports by this time: never two reports in one millisecond
    // (a loop that fell behind on a busy machine sends its overdue changes back to back).
    const at = (lastAt = Math.max(Date.now(), lastAt + 1));
    const sentAt = wallNow();
    reports.push({ compartmentId: c, state, at, sentAt });
    pending.push(
      gateway.request(REPORT, { r: [{ compartmentId: c, state, at: new Date(at).toISOString() }] }).then(
        () => undefined,
        (e: unknown) => void errors.push(`report ${i}: ${String(e)}`),
      ),
    );
  }
  await Promise.all(pending);
  return reports;
}

/**
 * Waits until every client of `swarm` is live: a connected client has sent its subscriptions,
 * but the server may not have them in place yet (and an event published before that reaches
 * nobody). One door change is reported, outside the measurement, until every client has it.
 */
export async function awaitLive(
  ctx: BenchContext,
  swarm: Swarm,
  gateway: GqlClient,
  compartment: string,
  doorState: Map<string, 'OPEN' | 'CLOSED'>,
  errors: string[],
): Promise<void> {
  const probe = await reportDoorChanges(
    ctx,
    gateway,
    { compartments: [compartment], total: 1, rate: 1, offset: 0 },
    doorState,
    errors,
  );
  const got = await swarm.collectSettled(probe, { settleMs: 200, lateMs: 15_000 });
  if (got.lost > 0) errors.push(`subscriptions not live after 15 s: ${describeLost(got.missing)}`);
}

/** Lost events as an error line: which report, how many clients lack it. */
export function describeLost(lost: LostEvent[]): string {
  return lost
    .map(
      (l) =>
        `${l.clients} clients never got ${l.kind} of ${l.compartmentId.slice(0, 8)} ${l.state} at ${new Date(l.at).toISOString()}`,
    )
    .join('; ');
}

/**
 * Whether the server recorded the door events that were lost (a door_event row at the
 * report's time): recorded but not delivered is the live path's loss, not recorded the rules'.
 */
export async function lostRecorded(db: import('pg').Client, lost: LostEvent[]): Promise<string> {
  const doors = lost.filter((l) => l.kind === 'doorEvents');
  if (doors.length === 0) return '';
  const { rows } = await db.query<{ compartment_id: string; at: Date; type: string }>(
    'select compartment_id, at, type from door_event where (compartment_id, at) in (select * from unnest($1::uuid[], $2::timestamptz[]))',
    [doors.map((l) => l.compartmentId), doors.map((l) => new Date(l.at))],
  );
  return ` (in door_event: ${doors.map((l) => rows.find((r) => r.compartment_id === l.compartmentId && r.at.getTime() === l.at)?.type ?? 'not recorded').join(', ')})`;
}
