import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, ok, type Fixture } from '../support/fixtures.js';

type Bucket = {
  start: string;
  deposits: number;
  retrievals: number;
  averageStorageMinutes: number | null;
  peakOccupied: number;
  revenue: { amount: number; currency: string };
};

describe('usageReport aggregates in SQL, bucketed in the site time zone', () => {
  let s: TestServer;
  let f: Fixture;
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 5 } });
    const db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    const compartments = (
      await db.query(`select id from compartment where site_id = $1 order by label`, [f.siteId])
    ).rows.map((r) => r.id);
    // Europe/Berlin is UTC+1 in November: local day 2026-11-10 runs 2026-11-09T23:00Z .. 2026-11-10T23:00Z
    const rows: [string, string | null, string][] = [
      ['2026-11-09T23:30:00Z', '2026-11-10T01:30:00Z', 'COMPLETED'], // local 10th, 120 min
      ['2026-11-10T10:00:00Z', '2026-11-10T11:00:00Z', 'COMPLETED'], // local 10th, 60 min
      ['2026-11-10T10:30:00Z', null, 'STORED'], // still stored
      ['2026-11-10T22:30:00Z', '2026-11-11T08:00:00Z', 'COMPLETED'], // deposited 10th (23:30 local), retrieved 11th
    ];
    for (const [i, [dep, ret, status]] of rows.entries()) {
      const {
        rows: [session],
      } = await db.query(
        `insert into storage_session (id, site_id, size, status, compartment_id, code_hash, code_issued_at, currency, price, included_minutes, overdue_per_hour, grace_minutes, security_alert_after_minutes, created_at, deposited_at, due_at, retrieved_at)
         values (gen_random_uuid(), $1, 'SMALL', $2, $3, md5(random()::text) || md5(random()::text), $4, 'EUR', 300, 60, 0, 0, 0, $4, $4, $4::timestamptz + interval '1 hour', $5) returning id`,
        [f.siteId, status, compartments[i], dep, ret],
      );
      await db.query(
        `insert into payment (id, session_id, amount, currency, provider, status, created_at, captured_at) values (gen_random_uuid(), $1, 300, 'EUR', 'demo', 'CAPTURED', $2, $2)`,
        [session.id, dep],
      );
    }
    await db.end();
  });
  afterAll(() => s.stop());

  test('deposits, retrievals, average storage, peak occupancy and revenue per local day', async () => {
    const r = ok(
      await s.gql<{ usageReport: { buckets: Bucket[] } }>(
        `query($s:ID){ usageReport(siteId:$s, from:"2026-11-09T23:00:00Z", to:"2026-11-11T23:00:00Z", bucket:DAY){ buckets { start deposits retrievals averageStorageMinutes peakOccupied revenue { amount currency } } } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).usageReport.buckets;
    expect(r).toHaveLength(2);
    expect(r[0]).toEqual({
      start: '2026-11-09T23:00:00.000Z',
      deposits: 4,
      retrievals: 2,
      averageStorageMinutes: 90,
      peakOccupied: 2,
      revenue: { amount: 1200, currency: 'EUR' },
    });
    expect(r[1]).toEqual({
      start: '2026-11-10T23:00:00.000Z',
      deposits: 0,
      retrievals: 1,
      averageStorageMinutes: 570,
      peakOccupied: 2,
      revenue: { amount: 0, currency: 'EUR' },
    });
  });

  test('a range that would make too many buckets, or runs backwards, is BAD_USER_INPUT', async () => {
    const q = `query($f:DateTime!,$t:DateTime!,$b:ReportBucket!){ usageReport(from:$f, to:$t, bucket:$b){ bucket } }`;
    const backwards = await s.gql(
      q,
      { f: '2026-11-02T00:00:00Z', t: '2026-11-01T00:00:00Z', b: 'DAY' },
      f.adminToken,
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const huge = await s.gql(
      q,
      { f: '2020-01-01T00:00:00Z', t: '2026-01-01T00:00:00Z', b: 'HOUR' },
      f.adminToken,
    );
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bucket' });
  });
});
