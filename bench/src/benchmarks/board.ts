/**
 * Board: the admin board's snapshot query (BoardSnapshot of admin-web's board feature, copied
 * below) for a site of `banks` x `per-bank` compartments more than the demo's two banks, some
 * of them holding a session (deposit scans through the API). Figures: p50 and p99 over
 * `queries` calls one after another, the statements one snapshot sends (counted at the
 * server's driver), and its floor: those statements from a bare `pg` client, one after
 * another. Correctness: every compartment and every bank is in the answer, and the open
 * sessions are on the compartments the database says.
 */
import type { Benchmark } from '../lib/bench.ts';
import { checkTime } from '../lib/bench.ts';
import { figure } from '../lib/figures.ts';
import { GqlClient, adminToken } from '../lib/gql.ts';
import { quantile } from '../lib/stats.ts';
import { startSystem } from '../lib/system.ts';

/** admin-web/src/features/board/board.operations.ts: BoardSnapshot with its fragment. */
const BOARD_SNAPSHOT = `query BoardSnapshot($siteId: ID!) {
  site(id: $siteId) {
    id name timezone
    banks {
      id label
      controller { state since error }
      compartments { ...BoardCompartment }
    }
    gateways { id name online lastSeenAt }
  }
}
fragment BoardCompartment on Compartment {
  id label size status doorState version inspectionReason outOfServiceReason
  bank { id }
  currentSession { id status overdue }
}`;
const BANK = `mutation($s: ID!, $l: String!, $e: String!, $c: [CompartmentInput!]!) {
  createLockerBank(siteId: $s, label: $l, modbusEndpoint: $e, compartments: $c) { id } }`;
const ISSUE = `mutation($s: ID!) { issueAccessCode(siteId: $s, size: SMALL) { code { payload } } }`;
const SCAN = `mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome } }`;
const TRANSACTION_CONTROL = /^\s*(begin|start transaction|commit|rollback|savepoint|release)\b/i;
const SIZES = ['SMALL', 'MEDIUM', 'LARGE', 'XLARGE'] as const;

type Snapshot = {
  site: {
    banks: Array<{ compartments: Array<{ id: string; currentSession: { id: string } | null }> }>;
  };
};

export const board: Benchmark = {
  name: 'board',
  summary: "the admin board's snapshot query for a site of 2,000 compartments in 100 banks",
  flags: {
    banks: { full: 100, smoke: 5, help: 'banks added to the demo site' },
    'per-bank': { full: 20, smoke: 20, help: 'compartments per added bank' },
    occupied: { full: 200, smoke: 10, help: 'compartments given a session (deposit scans)' },
    queries: { full: 200, smoke: 10, help: 'snapshot calls measured per run' },
    runs: { full: 3, smoke: 1, help: 'repetitions (median reported)' },
  },
  timeLimit: { full: 300, smoke: 60 },
  async run(ctx) {
    const sys = await startSystem(ctx, 'board', { captureSql: true });
    const { seed, graphqlUrl } = sys.stack;
    const errors: string[] = [];
    const token = await adminToken(graphqlUrl, seed.adminEmail, seed.adminPassword);
    const admin = new GqlClient(graphqlUrl, token, 1);
    const kiosk = new GqlClient(graphqlUrl, seed.kioskToken, 4);
    const gateway = new GqlClient(graphqlUrl, seed.gatewayToken, 1);
    ctx.defer(() => (admin.close(), kiosk.close(), gateway.close()));
    const perBank = ctx.size('per-bank');
    for (let b = 0; b < ctx.size('banks'); b++) {
      checkTime(ctx.signal);
      await admin.request(BANK, {
        s: seed.siteId,
        l: `Board ${String(b + 1).padStart(3, '0')}`,
        // one controller per bank, as on a site: the bank's link state is its own
        e: `tcp://127.0.0.1:${30_000 + b}`,
        c: Array.from({ length: perBank }, (_, i) => ({
          label: `K${String(b + 1).padStart(3, '0')}-${String(i + 1).padStart(2, '0')}`,
          size: SIZES[i % SIZES.length],
          unitId: 1,
          coil: i,
          doorInput: i,
        })),
      });
    }
    // Sessions on some compartments (the gateway is present while they are scanned).
    await gateway.request(`mutation { reportDoorStates(reports: []) }`);
    for (let i = 0; i < ctx.size('occupied'); i += 10) {
      checkTime(ctx.signal);
      await gateway.request(`mutation { reportDoorStates(reports: []) }`);
      await Promise.all(
        Array.from({ length: Math.min(10, ctx.size('occupied') - i) }, async () => {
          const issued = await kiosk.request<{ issueAccessCode: { code: { payload: string } } }>(ISSUE, {
            s: seed.siteId,
          });
          const r = await kiosk.request<{ scanAccessCode: { outcome: string } }>(SCAN, {
            s: seed.siteId,
            p: issued.issueAccessCode.code.payload,
          });
          if (r.scanAccessCode.outcome !== 'UNLOCKING_FOR_DEPOSIT')
            errors.push(`setup scan answered ${r.scanAccessCode.outcome}`);
        }),
      );
    }
    const expected = (
      await sys.db.query<{ compartments: string; banks: string; open: string }>(
        `select (select count(*) from compartment where site_id = $1) compartments,
                (select count(*) from locker_bank where site_id = $1) banks,
                (select count(*) from storage_session where site_id = $1 and compartment_id is not null
                   and status not in ('COMPLETED', 'CANCELLED')) open`,
        [seed.siteId],
      )
    ).rows[0]!;
    const vars = { siteId: seed.siteId };
    const check = (r: Snapshot) => {
      const compartments = r.site.banks.flatMap((b) => b.compartments);
      const open = compartments.filter((c) => c.currentSession).length;
      if (
        r.site.banks.length !== Number(expected.banks) ||
        compartments.length !== Number(expected.compartments) ||
        open !== Number(expected.open)
      )
        errors.push(
          `snapshot has ${r.site.banks.length} banks, ${compartments.length} compartments, ${open} sessions; database ${JSON.stringify(expected)}`,
        );
    };
    check(await admin.request<Snapshot>(BOARD_SNAPSHOT, vars)); // warm
    // The server's timer loop (every 500 ms) reads too: what it sends in an idle window of
    // three ticks is left out of the snapshot's window by shape (literals aside).
    const shape = (t: string) => t.replace(/'[^']*'/g, '?').replace(/\s+/g, ' ');
    const idle = await sys.sql!.record(() => new Promise((r) => setTimeout(r, 1500)));
    const timerShapes = new Set(idle.queries.map((q) => shape(q.text)));
    const { queries } = await sys.sql!.record(() => admin.request<Snapshot>(BOARD_SNAPSHOT, vars));
    const sql = queries
      .map((q) => q.text)
      .filter((t) => !TRANSACTION_CONTROL.test(t) && !timerShapes.has(shape(t)));
    ctx.log(
      `${expected.compartments} compartments in ${expected.banks} banks, ${expected.open} with a session; a snapshot sends ${sql.length} statements`,
    );
    const p50: number[] = [];
    const p99: number[] = [];
    const floor: number[] = [];
    for (let run = 0; run < ctx.size('runs'); run++) {
      const times: number[] = [];
      const floorTimes: number[] = [];
      for (let i = 0; i < ctx.size('queries'); i++) {
        checkTime(ctx.signal);
        let t = performance.now();
        const r = await admin.request<Snapshot>(BOARD_SNAPSHOT, vars);
        times.push(performance.now() - t);
        if (i === 0) check(r);
        t = performance.now();
        for (const text of sql) await sys.db.query(text);
        floorTimes.push(performance.now() - t);
      }
      p50.push(quantile(times, 0.5));
      p99.push(quantile(times, 0.99));
      floor.push(quantile(floorTimes, 0.99));
      ctx.log(
        `run ${run + 1}: p50 ${p50.at(-1)!.toFixed(1)} ms, p99 ${p99.at(-1)!.toFixed(1)} ms (its SQL from a bare client: p99 ${floor.at(-1)!.toFixed(1)} ms)`,
      );
    }
    const n = Number(expected.compartments);
    return {
      figures: [
        figure('board', `snapshot p50 (${n} compartments)`, 'ms', p50),
        figure('board', `snapshot p99 (${n} compartments)`, 'ms', p99, {
          goal: { op: '<', target: 150 },
          baseline: { label: 'its SQL from a bare pg client, p99', runs: floor },
        }),
        figure('board', 'statements per snapshot (at the driver)', 'count', [sql.length]),
      ],
      errors,
      details: {
        ...expected,
        statements: sql.length,
        queries: ctx.size('queries'),
        sql: sql.map((t) => t.replace(/\s+/g, ' ').slice(0, 240)),
      },
    };
  },
};
