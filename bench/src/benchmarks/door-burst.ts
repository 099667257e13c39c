/**
 * Door burst: a gateway reports a whole bank at once (reportDoorStates with one report per
 * door, one batch), and then every bank of a site at once while a kiosk goes on scanning.
 * Each run makes `banks` banks of `doors` SMALL compartments, fills every one with a deposit
 * (scan, the gateway's acknowledgement), and with `dashboards` graphql-ws dashboards watching:
 *   1. bank 1 reports all its doors OPEN in one batch: delivery latency to every dashboard
 *      (each phase starts once the dashboards have received every earlier event);
 *   2. scans at `scan-rate` for `seconds` with no burst (the baseline), then the same while
 *      bank 1 reports its doors CLOSED (bags stored) and every other bank its doors OPEN, each
 *      bank in one batch and all banks at once: scan latency against the baseline.
 * Correctness: every dashboard gets every door event and compartment update (else: lost), no
 * alert is raised on a burst's compartment (each door opened for its deposit), and every
 * report is applied (the compartments' door states in the database).
 */
import type { Benchmark, BenchContext } from '../lib/bench.ts';
import { checkTime } from '../lib/bench.ts';
import { describeLost, lostRecorded } from '../lib/door-changes.ts';
import { figure, type Figure } from '../lib/figures.ts';
import { GqlClient, adminToken } from '../lib/gql.ts';
import { quantile, wallNow } from '../lib/stats.ts';
import { startSwarm } from '../lib/swarm.ts';
import { startSystem } from '../lib/system.ts';
import type { SentReport } from '../processes/ws-swarm.ts';

const ISSUE = `mutation($s: ID!) { issueAccessCode(siteId: $s, size: SMALL) { session { id } code { payload } } }`;
const SCAN = `mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome compartment { id } } }`;
const ACK = `mutation($id: ID!) { ackGatewayCommand(commandId: $id, result: SUCCEEDED) }`;
const REPORT = `mutation($r: [DoorReport!]!) { reportDoorStates(reports: $r) }`;
const BANK = `mutation($s: ID!, $l: String!, $e: String!, $c: [CompartmentInput!]!) {
  createLockerBank(siteId: $s, label: $l, modbusEndpoint: $e, compartments: $c) { id } }`;

type Issued = { issueAccessCode: { session: { id: string }; code: { payload: string } } };
type Scanned = { scanAccessCode: { outcome: string; compartment: { id: string } | null } };

export const doorBurst: Benchmark = {
  name: 'door-burst',
  summary: 'a bank reports all its doors in one batch, then every bank at once while scanning',
  flags: {
    banks: { full: 20, smoke: 2, help: 'banks reporting at once (the first also alone)' },
    doors: { full: 24, smoke: 24, help: 'doors per bank, one report batch each' },
    dashboards: { full: 1000, smoke: 30, help: 'subscribed dashboard connections' },
    'scan-rate': { full: 25, smoke: 10, help: 'deposit scans per second while measuring' },
    seconds: { full: 3, smoke: 1, help: 'seconds of scanning without and with the burst' },
    runs: { full: 3, smoke: 1, help: 'repetitions (median reported)' },
  },
  timeLimit: { full: 900, smoke: 90 },
  async run(ctx) {
    const sys = await startSystem(ctx, 'door-burst');
    const { seed, graphqlUrl } = sys.stack;
    const errors: string[] = [];
    const token = await adminToken(graphqlUrl, seed.adminEmail, seed.adminPassword);
    const admin = new GqlClient(graphqlUrl, token, 1);
    const kiosk = new GqlClient(graphqlUrl, seed.kioskToken, 8);
    const gateway = new GqlClient(graphqlUrl, seed.gatewayToken, Math.max(8, ctx.size('banks')));
    const beat = () =>
      gateway.request(`mutation { reportDoorStates(reports: []) }`).catch((e: unknown) => {
        errors.push(`heartbeat: ${String(e)}`);
      });
    await beat();
    const heartbeat = setInterval(() => void beat(), 1000);
    ctx.defer(() => (clearInterval(heartbeat), admin.close(), kiosk.close(), gateway.close()));
    // Only the benchmark's banks have free SMALL compartments.
    await sys.db.query(
      `update compartment set status = 'OUT_OF_SERVICE', out_of_service_reason = 'bench' where site_id = $1 and size = 'SMALL' and status = 'AVAILABLE'`,
      [seed.siteId],
    );
    const swarm = await startSwarm(ctx, {
      url: graphqlUrl.replace(/^http/, 'ws'),
      token,
      clients: ctx.size('dashboards'),
      dashboards: true,
      siteId: seed.siteId,
    });
    errors.push(...swarm.ready.errors);
    if (swarm.ready.connected !== ctx.size('dashboards'))
      errors.push(`only ${swarm.ready.connected} of ${ctx.size('dashboards')} dashboards connected`);
    ctx.log(`${swarm.ready.connected} dashboards connected in ${swarm.ready.connectMs.toFixed(0)} ms`);

    const nBanks = ctx.size('banks');
    const nDoors = ctx.size('doors');
    const perPhase = Math.max(5, Math.round(ctx.size('scan-rate') * ctx.size('seconds')));
    const runs = {
      bankP99: [] as number[],
      bankP50: [] as number[],
      allP99: [] as number[],
      applied: [] as number[],
      scanQuiet: [] as number[],
      scanBurst: [] as number[],
      falseAlerts: [] as number[],
    };
    let clock = Date.now() - 60_000; // report times: distinct, in the recent past, increasing
    const at = () => (clock += 1);
    for (let run = 0; run < ctx.size('runs'); run++) {
      checkTime(ctx.signal);
      // Banks A (burst) sort before Z (the scans'): allocation takes the lowest free label.
      const banks: string[] = [];
      for (let b = 0; b <= nBanks; b++) {
        const last = b === nBanks;
        const size = last ? 2 * perPhase + 10 : nDoors;
        const r = await admin.request<{ createLockerBank: { id: string } }>(BANK, {
          s: seed.siteId,
          l: last ? `Z${run}` : `A${run}-${String(b).padStart(2, '0')}`,
          e: `tcp://127.0.0.1:${31_000 + run * 100 + b}`,
          c: Array.from({ length: size }, (_, i) => ({
            label: last
              ? `Z${run}-${String(i).padStart(3, '0')}`
              : `A${run}-${String(b).padStart(2, '0')}-${String(i).padStart(2, '0')}`,
            size: 'SMALL',
            unitId: 1,
            coil: i,
            doorInput: i,
          })),
        });
        banks.push(r.createLockerBank.id);
      }
      const burstBanks = banks.slice(0, nBanks);
      // Every burst compartment gets its deposit (scanned, the UNLOCK acknowledged).
      const sessions = await deposits(ctx, kiosk, gateway, sys.db, seed.siteId, nBanks * nDoors, errors);
      const { rows: doors } = await sys.db.query<{ id: string; bank_id: string }>(
        `select c.id, c.bank_id from compartment c join storage_session s on s.compartment_id = c.id
         where s.id = any($1::uuid[]) and c.bank_id = any($2::uuid[]) order by c.label`,
        [sessions, burstBanks],
      );
      if (doors.length !== nBanks * nDoors)
        errors.push(
          `run ${run + 1}: ${doors.length} of ${nBanks * nDoors} burst compartments hold a deposit`,
        );
      const byBank = burstBanks.map((b) => doors.filter((d) => d.bank_id === b).map((d) => d.id));
      const alertsBefore = await alertsOn(sys.db, burstBanks);

      // 1. One bank, one batch, once the dashboards have had the deposits' events.
      await caughtUp(ctx, swarm, errors, 'before one bank');
      const single = reportsFor(byBank[0]!, 'OPEN', at);
      await gateway.request(REPORT, { r: single.map(toInput) });
      const one = await swarm.collectSettled(single);
      errors.push(...one.errors.filter((e) => !errors.includes(e)));
      if (one.lost > 0)
        errors.push(
          `run ${run + 1}: one bank: ${one.lost} of ${one.expected} events lost (${describeLost(one.missing)})${await lostRecorded(sys.db, one.missing)}`,
        );
      runs.bankP50.push(one.p50);
      runs.bankP99.push(one.p99);

      // 2. Scans alone, then scans while every bank reports at once.
      const codes = await issueCodes(kiosk, seed.siteId, 2 * perPhase);
      await caughtUp(ctx, swarm, errors, 'before the scans');
      const quiet = await scanAtRate(ctx, kiosk, seed.siteId, codes.slice(0, perPhase), errors);
      const burst: SentReport[] = byBank.flatMap((ids, b) =>
        reportsFor(ids, b === 0 ? 'CLOSED' : 'OPEN', at),
      );
      const scanning = scanAtRate(ctx, kiosk, seed.siteId, codes.slice(perPhase), errors);
      const t0 = performance.now();
      await Promise.all(
        byBank.map((_, b) =>
          gateway
            .request(REPORT, { r: burst.slice(b * nDoors, (b + 1) * nDoors).map(toInput) })
            .catch((e: unknown) => void errors.push(`burst report of bank ${b + 1}: ${String(e)}`)),
        ),
      );
      const appliedMs = performance.now() - t0;
      const during = await scanning;
      const all = await swarm.collectSettled(burst, { settleMs: 5000 });
      if (all.lost > 0)
        errors.push(
          `run ${run + 1}: all banks: ${all.lost} of ${all.expected} events lost (${describeLost(all.missing)})${await lostRecorded(sys.db, all.missing)}`,
        );
      const { rows: states } = await sys.db.query<{ n: string }>(
        `select count(*) n from compartment where id = any($1::uuid[]) and door_state = $2`,
        [byBank.slice(1).flat(), 'OPEN'],
      );
      const { rows: closed } = await sys.db.query<{ n: string }>(
        `select count(*) n from compartment where id = any($1::uuid[]) and door_state = 'CLOSED' and status = 'OCCUPIED'`,
        [byBank[0]!],
      );
      if (Number(states[0]!.n) !== (nBanks - 1) * nDoors || Number(closed[0]!.n) !== nDoors)
        errors.push(
          `run ${run + 1}: ${states[0]!.n} of ${(nBanks - 1) * nDoors} doors OPEN and ${closed[0]!.n} of ${nDoors} stored after the burst`,
        );
      const falseAlerts = (await alertsOn(sys.db, burstBanks)) - alertsBefore;
      if (falseAlerts > 0)
        errors.push(`run ${run + 1}: ${falseAlerts} alerts raised on the burst's compartments`);
      runs.allP99.push(all.p99);
      runs.applied.push(appliedMs);
      runs.scanQuiet.push(quantile(quiet, 0.99));
      runs.scanBurst.push(quantile(during, 0.99));
      runs.falseAlerts.push(falseAlerts);
      ctx.log(
        `run ${run + 1}: one bank (${nDoors} doors) p99 ${one.p99.toFixed(0)} ms; ${nBanks * nDoors} doors applied in ${appliedMs.toFixed(0)} ms, delivered p99 ${all.p99.toFixed(0)} ms; scan p99 ${runs.scanBurst.at(-1)!.toFixed(1)} ms during, ${runs.scanQuiet.at(-1)!.toFixed(1)} ms without`,
      );
    }
    const d = ctx.size('dashboards');
    const figures: Figure[] = [
      figure(
        'door-burst',
        `one bank (${nDoors} doors, one batch) -> ${d} dashboards p50`,
        'ms',
        runs.bankP50,
      ),
      figure(
        'door-burst',
        `one bank (${nDoors} doors, one batch) -> ${d} dashboards p99`,
        'ms',
        runs.bankP99,
        {
          goal: { op: '<', target: 150 },
        },
      ),
      figure('door-burst', 'false alerts', 'count', runs.falseAlerts, { goal: { op: '==', target: 0 } }),
      figure('door-burst', `${nBanks * nDoors} doors at once: all applied`, 'ms', runs.applied),
      figure('door-burst', `${nBanks * nDoors} doors at once -> ${d} dashboards p99`, 'ms', runs.allP99),
      figure('door-burst', `scan p99 while ${nBanks * nDoors} doors report`, 'ms', runs.scanBurst, {
        baseline: { label: 'scan p99, no burst', runs: runs.scanQuiet },
        ratioGoal: { op: '<=', target: 2 },
      }),
    ];
    return {
      figures,
      errors,
      details: { banks: nBanks, doors: nDoors, dashboards: d, scansPerPhase: perPhase, runs },
    };
  },
};

const toInput = (r: SentReport) => ({
  compartmentId: r.compartmentId,
  state: r.state,
  at: new Date(r.at).toISOString(),
});

/** One report per door, each with its own time (the dashboards match events by it). */
function reportsFor(ids: string[], state: 'OPEN' | 'CLOSED', at: () => number): SentReport[] {
  const sentAt = wallNow();
  return ids.map((compartmentId) => ({ compartmentId, state, at: at(), sentAt }));
}

async function alertsOn(db: import('pg').Client, banks: string[]): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `select count(*) n from alert a join compartment c on c.id = a.compartment_id where c.bank_id = any($1::uuid[])`,
    [banks],
  );
  return Number(rows[0]!.n);
}

async function issueCodes(kiosk: GqlClient, siteId: string, n: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: n }, () =>
      kiosk.request<Issued>(ISSUE, { s: siteId }).then((r) => r.issueAccessCode.code.payload),
    ),
  );
}

/** `n` deposits: issued, scanned, their UNLOCK acknowledged as the gateway; their session ids. */
async function deposits(
  ctx: BenchContext,
  kiosk: GqlClient,
  gateway: GqlClient,
  db: import('pg').Client,
  siteId: string,
  n: number,
  errors: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 8) {
    checkTime(ctx.signal);
    await Promise.all(
      Array.from({ length: Math.min(8, n - i) }, async () => {
        const issued = await kiosk.request<Issued>(ISSUE, { s: siteId });
        const r = await kiosk.request<Scanned>(SCAN, { s: siteId, p: issued.issueAccessCode.code.payload });
        if (r.scanAccessCode.outcome !== 'UNLOCKING_FOR_DEPOSIT')
          errors.push(`setup scan answered ${r.scanAccessCode.outcome}`);
        ids.push(issued.issueAccessCode.session.id);
      }),
    );
  }
  const { rows } = await db.query<{ id: string }>(
    'select id from gateway_command where session_id = any($1::uuid[]) and acked_at is null',
    [ids],
  );
  for (let i = 0; i < rows.length; i += 8)
    await Promise.all(rows.slice(i, i + 8).map((c) => gateway.request(ACK, { id: c.id })));
  return ids;
}

/** Scans the codes at the benchmark's rate (not waiting for answers); each scan's latency. */
async function scanAtRate(
  ctx: BenchContext,
  kiosk: GqlClient,
  siteId: string,
  codes: string[],
  errors: string[],
): Promise<number[]> {
  const interval = 1000 / ctx.size('scan-rate');
  const start = performance.now();
  const pending: Promise<number>[] = [];
  for (let i = 0; i < codes.length; i++) {
    checkTime(ctx.signal);
    const wait = start + i * interval - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = performance.now();
    pending.push(
      kiosk.request<Scanned>(SCAN, { s: siteId, p: codes[i] }).then(
        (r) => {
          if (r.scanAccessCode.outcome !== 'UNLOCKING_FOR_DEPOSIT')
            errors.push(`a scan answered ${r.scanAccessCode.outcome}`);
          return performance.now() - t;
        },
        (e: unknown) => (errors.push(`scan: ${String(e)}`), Number.NaN),
      ),
    );
  }
  return (await Promise.all(pending)).filter(Number.isFinite);
}

/**
 * Waits until no event has reached a dashboard for half a second: a phase measured while the
 * dashboards still receive an earlier phase's events (each deposit is several events for every
 * dashboard) would time that backlog, not its own events.
 */
async function caughtUp(
  ctx: BenchContext,
  swarm: Awaited<ReturnType<typeof startSwarm>>,
  errors: string[],
  when: string,
): Promise<void> {
  const q = await swarm.quiet();
  if (!q.quiet)
    errors.push(`${when}: the dashboards were still receiving events after ${q.waitedMs.toFixed(0)} ms`);
  else ctx.log(`${when}: dashboards caught up after ${q.waitedMs.toFixed(0)} ms`);
}
