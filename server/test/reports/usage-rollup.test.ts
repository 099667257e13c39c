import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ACK, createSite, door, heartbeat, issue, ok, scanOnly, type Fixture } from '../support/fixtures.js';
import { insertSessions, rawReport, slotRows, USAGE, type Bucket, type BucketSize } from './usage-data.js';

// Europe/Berlin leaves summer time on 2026-10-25 at 01:00 UTC: the data straddles it.
const DATA_FROM = new Date('2026-10-20T00:00:00Z');
const DATA_TO = new Date('2026-11-03T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Deterministic ranges: unaligned to the ms, aligned to slots, tiny, empty, around the DST change. */
function ranges(bucket: BucketSize): { from: Date; to: Date }[] {
  let x = 12345;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const maxSpan = { HOUR: 3 * DAY, DAY: 20 * DAY, WEEK: 40 * DAY, MONTH: 60 * DAY }[bucket];
  const out: { from: Date; to: Date }[] = [];
  for (let i = 0; i < 5; i++) {
    const from = new Date(DATA_FROM.getTime() - 2 * DAY + Math.floor(rnd() * 16 * DAY));
    out.push({ from, to: new Date(from.getTime() + 1 + Math.floor(rnd() * maxSpan)) });
  }
  out.push({ from: new Date('2026-10-24T20:15:00Z'), to: new Date('2026-10-25T04:45:00Z') }); // slot-aligned, over the change
  out.push({ from: new Date('2026-10-24T22:07:13.5Z'), to: new Date('2026-10-25T02:03:00Z') }); // unaligned, over the change
  out.push({ from: new Date('2026-10-26T10:01:00Z'), to: new Date('2026-10-26T10:14:00Z') }); // inside one slot
  out.push({ from: new Date('2026-10-26T10:05:00Z'), to: new Date('2026-10-26T10:35:00Z') }); // two partial slots
  out.push({ from: new Date('2026-11-10T00:00:00Z'), to: new Date('2026-11-11T00:00:00Z') }); // after the data: stored ones remain
  return out;
}

describe('usageReport from the usage_slot rollup equals the report from raw rows', () => {
  let s: TestServer;
  let berlin: Fixture;
  let kathmandu: Fixture;
  let db: pg.Client;
  beforeAll(async () => {
    s = await startTestServer();
    berlin = await createSite(s, { counts: { SMALL: 40 } });
    kathmandu = await createSite(s, { counts: { SMALL: 40 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    // UTC+5:45: buckets start at :15 and :45 past UTC hours
    await db.query(`update site set timezone = 'Asia/Kathmandu' where id = $1`, [kathmandu.siteId]);
    // ordinary statements: the triggers keep the rollup
    await insertSessions(db, berlin.siteId, 400, DATA_FROM, DATA_TO, 0.25);
    await insertSessions(db, kathmandu.siteId, 250, DATA_FROM, DATA_TO, -0.5);
  }, 120_000);
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('the data has what the report must get right', async () => {
    const {
      rows: [c],
    } = await db.query(`select
      count(*) filter (where status = 'STORED') as open, count(*) filter (where status = 'CANCELLED' and deposited_at is not null and retrieved_at is null) as ended,
      count(*) filter (where deposited_at is null) as expired, count(*) filter (where retrieved_at is not null and status <> 'COMPLETED') as odd,
      (select count(*) from payment where status = 'REFUNDED') as refunds, (select count(*) from payment where status = 'PENDING') as pending,
      count(*) filter (where extract(epoch from deposited_at)::int % 900 = 0) as on_slot_edge
      from storage_session`);
    for (const v of Object.values(c)) expect(Number(v)).toBeGreaterThan(3);
  });

  test('what the triggers kept equals a rebuild from raw rows', async () => {
    const kept = await slotRows(db);
    expect(JSON.parse(kept).slots.length).toBeGreaterThan(500);
    expect(JSON.parse(kept).hours.length).toBeGreaterThan(200);
    await db.query('select usage_slot_rebuild()');
    expect(await slotRows(db)).toEqual(kept);
  });

  for (const bucket of ['HOUR', 'DAY', 'WEEK', 'MONTH'] as const) {
    test(`${bucket} buckets, each site in its zone and all sites in UTC`, async () => {
      let nonEmpty = 0;
      for (const { from, to } of ranges(bucket)) {
        for (const [siteId, tz] of [
          [berlin.siteId, 'Europe/Berlin'],
          [kathmandu.siteId, 'Asia/Kathmandu'],
          [null, 'UTC'],
        ] as const) {
          const api = ok(
            await s.gql<{ usageReport: { buckets: Bucket[] } }>(
              USAGE,
              { s: siteId, f: from.toISOString(), t: to.toISOString(), b: bucket },
              berlin.adminToken,
            ),
          );
          const oracle = await rawReport(db, siteId, from, to, bucket, tz);
          expect(
            api.usageReport.buckets,
            `${siteId ?? 'all sites'} ${from.toISOString()} .. ${to.toISOString()}`,
          ).toEqual(oracle);
          nonEmpty += oracle.filter((b) => b.deposits > 0 && b.peakOccupied > 0).length;
        }
      }
      expect(nonEmpty).toBeGreaterThan(5);
    });
  }

  test('a bulk load with the triggers off leaves the rollup alone; the rebuild brings it level', async () => {
    const before = await slotRows(db);
    await db.query('begin');
    await db.query(`set local lockers.usage_rollup = 'off'`);
    await insertSessions(
      db,
      berlin.siteId,
      300,
      new Date('2026-11-03T00:00:00Z'),
      new Date('2026-11-06T00:00:00Z'),
      0.75,
    );
    expect(await slotRows(db)).toEqual(before);
    await db.query('select usage_slot_rebuild()');
    await db.query('commit');
    const rebuilt = await slotRows(db);
    expect(rebuilt).not.toEqual(before);
    // the per-slot refresh the triggers run gives the same rows as the rebuild
    await db.query(
      `select usage_slot_refresh(site_id, slot) from usage_slot order by slot, site_id = '00000000-0000-0000-0000-000000000000', site_id`,
    );
    await db.query(
      `select usage_hour_refresh(site_id, hour) from usage_hour order by hour, site_id = '00000000-0000-0000-0000-000000000000', site_id`,
    );
    expect(await slotRows(db)).toEqual(rebuilt);
    for (const [siteId, tz] of [
      [berlin.siteId, 'Europe/Berlin'],
      [null, 'UTC'],
    ] as const) {
      const from = new Date('2026-11-02T13:13:13Z');
      const to = new Date('2026-11-06T07:07:07Z');
      const api = ok(
        await s.gql<{ usageReport: { buckets: Bucket[] } }>(
          USAGE,
          { s: siteId, f: from.toISOString(), t: to.toISOString(), b: 'HOUR' },
          berlin.adminToken,
        ),
      );
      expect(api.usageReport.buckets).toEqual(await rawReport(db, siteId, from, to, 'HOUR', tz));
    }
  }, 60_000);

  test('concurrent transactions depositing and retrieving in one hour (and in one slot) are all counted', async () => {
    const at = new Date('2026-11-20T10:03:00Z');
    const clients = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const c = new pg.Client({ connectionString: s.databaseUrl });
        await c.connect();
        return c;
      }),
    );
    try {
      // all write first, then all commit at once: each commit's refresh must see the others'
      const ids: string[] = [];
      await Promise.all(
        clients.map(async (c, i) => {
          await c.query('begin');
          const { rows } = await c.query(
            `insert into storage_session (id, site_id, size, status, code_hash, code_issued_at, currency, price, included_minutes, overdue_per_hour,
             grace_minutes, security_alert_after_minutes, created_at, deposited_at, due_at)
           values (gen_random_uuid(), $1, 'SMALL', 'CANCELLED', md5(random()::text) || md5(random()::text), $2, 'EUR', 0, 60, 0, 0, 0, $2, $2::timestamptz + $3 * interval '7 minutes', $2)
           returning id`,
            [berlin.siteId, at, i],
          );
          ids.push(rows[0].id);
        }),
      );
      await Promise.all(clients.map((c) => c.query('commit')));
      // deposits 10:03 .. 10:52 (four slots of one hour), retrievals all in the slot from 10:45
      const slot = async () =>
        (
          await db.query(
            `select sum(deposits)::int as deposits, sum(retrievals)::int as retrievals, max(peak) as peak from usage_slot
           where site_id = $1 and slot >= '2026-11-20T10:00:00Z' and slot < '2026-11-20T11:00:00Z'
         union all select deposits, retrievals, peak from usage_hour where site_id = $1 and hour = '2026-11-20T10:00:00Z'`,
            [berlin.siteId],
          )
        ).rows;
      expect(await slot()).toEqual([
        { deposits: 8, retrievals: 0, peak: 2 },
        { deposits: 8, retrievals: 0, peak: 8 },
      ]);
      await Promise.all(
        clients.map(async (c, i) => {
          await c.query('begin');
          await c.query(
            `update storage_session set status = 'COMPLETED', retrieved_at = $2, ended_at = $2 where id = $1`,
            [ids[i], new Date(Date.parse('2026-11-20T10:55:00Z') + i * 1000)],
          );
        }),
      );
      await Promise.all(clients.map((c) => c.query('commit')));
      expect(await slot()).toEqual([
        { deposits: 8, retrievals: 8, peak: 2 },
        { deposits: 8, retrievals: 8, peak: 8 },
      ]);
      const from = new Date('2026-11-20T09:00:00Z');
      const to = new Date('2026-11-20T11:00:00Z');
      const api = ok(
        await s.gql<{ usageReport: { buckets: Bucket[] } }>(
          USAGE,
          { s: null, f: from.toISOString(), t: to.toISOString(), b: 'HOUR' },
          berlin.adminToken,
        ),
      );
      expect(api.usageReport.buckets).toEqual(await rawReport(db, null, from, to, 'HOUR', 'UTC'));
      expect(api.usageReport.buckets[1]).toMatchObject({ deposits: 8, retrievals: 8 });
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });
});

describe('usageReport counts deposits and retrievals made at once through the API', () => {
  test('12 doors closing at the same instant, then 12 retrievals at once: 12 and 12, peak 12', async () => {
    const s = await startTestServer({ env: { RATE_LIMIT_FAILED_SCANS: '10000' } });
    const db = new pg.Client({ connectionString: s.databaseUrl });
    try {
      const f = await createSite(s, { counts: { SMALL: 12 } });
      await db.connect();
      const codes = await Promise.all(Array.from({ length: 12 }, () => issue(s, f, 'SMALL')));
      // one round of the door: scan, the gateway acks the unlock, the door opens and closes at `at`
      const doorRound = async (at: Date) => {
        await heartbeat(s, f);
        const scans = await Promise.all(codes.map((c) => scanOnly(s, f, c.code.payload)));
        const commands = (
          await db.query(`select id, compartment_id from gateway_command where acked_at is null`)
        ).rows as { id: string; compartment_id: string }[];
        expect(commands).toHaveLength(12);
        await Promise.all(commands.map((c) => s.gql(ACK, { id: c.id, r: 'SUCCEEDED' }, f.gatewayToken)));
        await Promise.all(
          commands.map((c) => door(s, f, c.compartment_id, 'OPEN', new Date(at.getTime() - 5_000))),
        );
        await Promise.all(commands.map((c) => door(s, f, c.compartment_id, 'CLOSED', at)));
        return scans;
      };
      const deposited = new Date();
      expect((await doorRound(deposited)).every((r) => r.outcome === 'UNLOCKING_FOR_DEPOSIT')).toBe(true);
      const retrieved = new Date(deposited.getTime() + 60_000);
      expect((await doorRound(retrieved)).every((r) => r.outcome === 'UNLOCKING_FOR_RETRIEVAL')).toBe(true);
      const {
        rows: [done],
      } = await db.query(
        `select count(*) filter (where status = 'COMPLETED')::int as n from storage_session`,
      );
      expect(done.n).toBe(12);

      const from = new Date(deposited.getTime() - 2 * HOUR);
      const to = new Date(deposited.getTime() + 2 * HOUR);
      const api = ok(
        await s.gql<{ usageReport: { buckets: Bucket[] } }>(
          USAGE,
          { s: f.siteId, f: from.toISOString(), t: to.toISOString(), b: 'HOUR' },
          f.adminToken,
        ),
      ).usageReport.buckets;
      expect(api).toEqual(await rawReport(db, f.siteId, from, to, 'HOUR', 'Europe/Berlin'));
      expect(api.reduce((a, b) => a + b.deposits, 0)).toBe(12);
      expect(api.reduce((a, b) => a + b.retrievals, 0)).toBe(12);
      expect(Math.max(...api.map((b) => b.peakOccupied))).toBe(12);
    } finally {
      await db.end();
      await s.stop();
    }
  });
});
