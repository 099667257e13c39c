/**
 * Usage report: `sessions` completed sessions spread over one year (seeded in bulk by SQL, a
 * quarter of them with a captured payment), then usageReport by DAY over that year through
 * GraphQL. Cold: the first call on a freshly started server process (restarted each run);
 * warm: the median of the next calls. Correctness: the buckets' deposits add up to the
 * sessions in the range, and retrievals likewise.
 */
import type { Benchmark } from '../lib/bench.ts';
import { checkTime } from '../lib/bench.ts';
import { figure } from '../lib/figures.ts';
import { GqlClient, adminToken } from '../lib/gql.ts';
import { median } from '../lib/stats.ts';
import { startSystem } from '../lib/system.ts';

const REPORT = `query($s: ID!, $f: DateTime!, $t: DateTime!) {
  usageReport(siteId: $s, from: $f, to: $t, bucket: DAY) {
    buckets { start deposits retrievals peakOccupied averageStorageMinutes revenue { amount } }
  } }`;

type Report = {
  usageReport: { buckets: Array<{ deposits: number; retrievals: number; peakOccupied: number }> };
};

const DAY = 86_400_000;

export const usageReport: Benchmark = {
  name: 'usage-report',
  summary: 'usageReport by day over one year of sessions (cold and warm)',
  flags: {
    sessions: { full: 10_000_000, smoke: 20_000, help: 'completed sessions seeded over the year' },
    calls: { full: 5, smoke: 2, help: 'warm calls per run' },
    runs: { full: 3, smoke: 1, help: 'repetitions, each on a restarted server (median reported)' },
  },
  // seeding 10,000,000 sessions and rebuilding the rollups takes ~8 min on 2 cores (40-50 min
  // when every row went through the indexes and foreign keys one by one)
  timeLimit: { full: 1800, smoke: 60 },
  async run(ctx) {
    const sys = await startSystem(ctx, 'usage-report');
    const { seed, graphqlUrl } = sys.stack;
    const n = ctx.size('sessions');
    const to = new Date(Math.floor(Date.now() / DAY) * DAY);
    const from = new Date(to.getTime() - 365 * DAY);
    const t0 = performance.now();
    await seedSessions(sys.db, seed.siteId, n, from, to);
    ctx.log(`seeded ${n} sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const expected = await sys.db.query<{ d: string; r: string }>(
      `select count(*) filter (where deposited_at >= $2 and deposited_at < $3) d,
              count(*) filter (where status = 'COMPLETED' and retrieved_at >= $2 and retrieved_at < $3) r
       from storage_session where site_id = $1`,
      [seed.siteId, from, to],
    );
    const errors: string[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const vars = { s: seed.siteId, f: from.toISOString(), t: to.toISOString() };
    for (let run = 0; run < ctx.size('runs'); run++) {
      checkTime(ctx.signal);
      if (run > 0) await sys.stack.restartServer();
      const admin = new GqlClient(
        graphqlUrl,
        await adminToken(graphqlUrl, seed.adminEmail, seed.adminPassword),
        1,
      );
      const timed = async (): Promise<number> => {
        const t = performance.now();
        const r = await admin.request<Report>(REPORT, vars);
        const ms = performance.now() - t;
        const deposits = r.usageReport.buckets.reduce((a, b) => a + b.deposits, 0);
        const retrievals = r.usageReport.buckets.reduce((a, b) => a + b.retrievals, 0);
        if (deposits !== Number(expected.rows[0]!.d) || retrievals !== Number(expected.rows[0]!.r)) {
          errors.push(
            `run ${run + 1}: report counts ${deposits} deposits / ${retrievals} retrievals, database ${expected.rows[0]!.d} / ${expected.rows[0]!.r}`,
          );
        }
        if (r.usageReport.buckets.length < 365)
          errors.push(`run ${run + 1}: ${r.usageReport.buckets.length} buckets for a year by day`);
        return ms;
      };
      cold.push(await timed());
      const calls: number[] = [];
      for (let i = 0; i < ctx.size('calls'); i++) calls.push(await timed());
      warm.push(median(calls));
      admin.close();
      ctx.log(`run ${run + 1}: cold ${cold.at(-1)!.toFixed(0)} ms, warm ${warm.at(-1)!.toFixed(0)} ms`);
    }
    return {
      figures: [
        figure('usage-report', 'usageReport, cold (first call, fresh server)', 'ms', cold, {
          goal: { op: '<', target: 300 },
        }),
        figure('usage-report', 'usageReport, warm', 'ms', warm, { goal: { op: '<', target: 300 } }),
      ],
      errors,
      details: { sessions: n, from: from.toISOString(), to: to.toISOString(), bucket: 'DAY' },
    };
  },
};

/**
 * Inserts `n` COMPLETED sessions deposited uniformly over [from, to), stored 10 min to 2 days.
 * A bulk load, as PostgreSQL's "Populating a Database" advises: the usage rollup's per-row
 * triggers are off for the transaction and the rollup is rebuilt once at the end
 * (server/README.md, "Usage rollup"); the tables' secondary indexes, unique and foreign-key
 * constraints are dropped and built again after the load (one sort each instead of 10,000,000
 * random inserts into each index and a key lookup per row), and the rows go in primary-key order.
 */
async function seedSessions(
  db: import('pg').Client,
  siteId: string,
  n: number,
  from: Date,
  to: Date,
): Promise<void> {
  await db.query('begin');
  await db.query(`set local lockers.usage_rollup = 'off'`);
  await db.query(`set local maintenance_work_mem = '1GB'`);
  const rebuild = await dropSecondaryIndexes(db, ['storage_session', 'payment']);
  await db.query(
    `with comps as (select array_agg(id order by label) ids, array_agg(size order by label) sizes, count(*)::int k
                   from compartment where site_id = $1)
     insert into storage_session (id, site_id, size, status, compartment_id, code_hash, code_issued_at, currency, price,
        included_minutes, overdue_per_hour, grace_minutes, security_alert_after_minutes, intent, created_at,
        deposited_at, due_at, retrieved_at, ended_at, op_door_opened)
     select gen_random_uuid(), $1, x.size, 'COMPLETED', x.cid, md5(x.g::text) || md5('bench' || x.g::text), x.d, 'EUR', t.price,
        240, 200, 15, 120, 'RETRIEVE', x.d, x.d, x.d + interval '240 minutes', x.d + x.stay, x.d + x.stay, true
     from (select g, comps.ids[1 + g % comps.k] as cid, comps.sizes[1 + g % comps.k] as size,
                  $3::timestamptz + random() * ($4::timestamptz - $3::timestamptz) as d,
                  interval '10 minutes' + random() * interval '2 days' as stay
           from generate_series(1, $2::int) g, comps) x
     join tariff t on t.site_id = $1 and t.size = x.size
     order by 1`,
    [siteId, n, from, to],
  );
  await db.query(
    `insert into payment (id, session_id, amount, currency, provider, status, created_at, captured_at)
     select gen_random_uuid(), s.id, s.price, 'EUR', 'demo', 'CAPTURED', s.deposited_at, s.deposited_at
     from storage_session s where s.site_id = $1 and s.price > 0 and random() < 0.5
     order by 1`,
    [siteId],
  );
  for (const statement of rebuild) await db.query(statement);
  await db.query('select usage_slot_rebuild()');
  await db.query('commit');
  await db.query('analyze storage_session; analyze payment; analyze usage_slot');
}

/**
 * Drops the tables' indexes other than their primary keys, and their unique and foreign-key
 * constraints; returns the statements that make them again, in the order that works (unique
 * constraints before the foreign keys that may rely on them).
 */
async function dropSecondaryIndexes(db: import('pg').Client, tables: string[]): Promise<string[]> {
  const { rows: constraints } = await db.query<{ tbl: string; name: string; def: string; kind: string }>(
    `select c.conrelid::regclass::text tbl, c.conname name, pg_get_constraintdef(c.oid) def, c.contype kind
     from pg_constraint c where c.conrelid = any($1::regclass[]) and c.contype in ('u', 'f')
     order by c.contype desc`,
    [tables],
  );
  const { rows: indexes } = await db.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text name, pg_get_indexdef(i.indexrelid) def
     from pg_index i where i.indrelid = any($1::regclass[]) and not i.indisprimary
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)`,
    [tables],
  );
  // foreign keys first (they may rely on a unique constraint), then unique constraints
  for (const c of [...constraints].reverse())
    await db.query(`alter table ${c.tbl} drop constraint ${c.name}`);
  for (const i of indexes) await db.query(`drop index ${i.name}`);
  return [
    ...indexes.map((i) => i.def),
    ...constraints.map((c) => `alter table ${c.tbl} add constraint ${c.name} ${c.def}`),
  ];
}
