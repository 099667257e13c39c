/** Door changes reported as a site's gateway at a fixed rate (fan-out benchmarks). */
import type { BenchContext } from './bench.ts';
import { checkTime } from './bench.ts';
import type { GqlClient } from './gql.ts';
import { wallNow } from './stats.ts';
import type { SentReport } from '../processes/ws-swarm.ts';

const REPORT = `mutation($r: [DoorReport!]!) { reportDoorStates(reports: $r) }`;

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
    const at = Date.now();
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
