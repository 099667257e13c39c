import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, scan, type Fixture } from '../support/fixtures.js';
import { ManualClock } from '../../src/shared/clock.js';

const MIN = 60_000;
const T0 = new Date('2026-03-10T08:00:00Z');

describe('reports beyond usage, and their CSV export', () => {
  let s: TestServer;
  let f: Fixture;
  const clock = new ManualClock(T0);
  const range = { from: T0.toISOString(), to: new Date(T0.getTime() + 3 * 60 * MIN).toISOString() };
  const pay = async (sessionId: string) => {
    const p = ok(
      await s.gql<{ createPayment: { id: string } }>(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`,
        { id: sessionId },
        f.kioskToken,
      ),
    ).createPayment;
    ok(
      await s.gql(
        `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:APPROVE){ status } }`,
        { id: p.id },
        f.kioskToken,
      ),
    );
  };
  const store = async (size: string) => {
    const issued = await issue(s, f, size);
    if (size === 'MEDIUM') {
      expect((await scan(s, f, issued.code.payload)).outcome).toBe('PAYMENT_REQUIRED'); // holds the compartment first
      await pay(issued.session.id);
    }
    const r = await scan(s, f, issued.code.payload);
    await door(s, f, r.compartment!.id, 'OPEN', clock.now());
    await door(s, f, r.compartment!.id, 'CLOSED', clock.now());
    return { ...issued, compartmentId: r.compartment!.id };
  };
  const retrieve = async (x: { code: { payload: string }; compartmentId: string }) => {
    expect((await scan(s, f, x.code.payload)).outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    await door(s, f, x.compartmentId, 'OPEN', clock.now());
    await door(s, f, x.compartmentId, 'CLOSED', clock.now());
  };
  const csv = (name: string, query: Record<string, string>, token?: string) =>
    fetch(`${s.url.replace('/graphql', '')}/reports/${name}.csv?${new URLSearchParams(query).toString()}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, {
      counts: { SMALL: 2, MEDIUM: 1 },
      prices: { MEDIUM: 400 },
      tariff: { includedMinutes: 60, overduePerHour: 200, graceMinutes: 15, securityAlertAfterMinutes: 30 },
    });
    const small = await store('SMALL');
    clock.advance(10 * MIN);
    const medium = await store('MEDIUM');
    clock.advance(20 * MIN);
    await retrieve(small); // 30 min
    ok(
      await s.gql(
        `mutation($p:String!){ submitFeedback(payload:$p, rating:5, comment:"=HYPERLINK(\\"x\\")") }`,
        { p: small.code.payload },
      ),
    );
    clock.advance(56 * MIN); // medium: 76 min stored, 16 past dueAt
    await s.app.tick();
    await pay(medium.session.id); // the 200 overdue fee
    clock.advance(14 * MIN);
    await retrieve(medium); // 90 min
    ok(
      await s.gql(`mutation($p:String!){ submitFeedback(payload:$p, rating:3) }`, { p: medium.code.payload }),
    );
  });
  afterAll(async () => {
    await s.stop();
  });

  test('occupancy per size, storage durations, overdue counts, revenue by size, feedback', async () => {
    const q = `query($s:ID,$f:DateTime!,$t:DateTime!){
      occupancyReport(siteId:$s, from:$f, to:$t, bucket:HOUR){ buckets { start size peakOccupied capacity } }
      storageDurationReport(siteId:$s, from:$f, to:$t){ sessions medianMinutes ranges { fromMinutes toMinutes sessions } }
      overdueReport(siteId:$s, from:$f, to:$t, bucket:HOUR){ buckets { start overdue securityEscalations } }
      revenueReport(siteId:$s, from:$f, to:$t){ net { amount currency } bySize { size payments captured { amount } } }
      feedbackReport(siteId:$s, from:$f, to:$t){ responses averageRating ratingCounts comments { rating comment } } }`;
    const r = ok(await s.gql<any>(q, { s: f.siteId, f: range.from, t: range.to }, f.adminToken));
    const occ = (start: string, size: string) =>
      r.occupancyReport.buckets.find((b: any) => b.start === start && b.size === size);
    expect(occ('2026-03-10T08:00:00.000Z', 'SMALL')).toEqual({
      start: '2026-03-10T08:00:00.000Z',
      size: 'SMALL',
      peakOccupied: 1,
      capacity: 2,
    });
    expect(occ('2026-03-10T08:00:00.000Z', 'MEDIUM')).toMatchObject({ peakOccupied: 1, capacity: 1 });
    expect(occ('2026-03-10T09:00:00.000Z', 'SMALL')).toMatchObject({ peakOccupied: 0 });
    expect(occ('2026-03-10T09:00:00.000Z', 'MEDIUM')).toMatchObject({ peakOccupied: 1 });
    expect(occ('2026-03-10T10:00:00.000Z', 'MEDIUM')).toMatchObject({ peakOccupied: 0 });
    expect(r.occupancyReport.buckets).toHaveLength(3 * 4);
    expect(r.storageDurationReport.sessions).toBe(2);
    expect(r.storageDurationReport.medianMinutes).toBe(60);
    expect(r.storageDurationReport.ranges.slice(0, 2)).toEqual([
      { fromMinutes: 0, toMinutes: 60, sessions: 1 },
      { fromMinutes: 60, toMinutes: 240, sessions: 1 },
    ]);
    expect(r.overdueReport.buckets.map((b: any) => b.overdue)).toEqual([0, 1, 0]);
    expect(r.revenueReport.net).toEqual({ amount: 600, currency: 'EUR' });
    expect(r.revenueReport.bySize.find((b: any) => b.size === 'MEDIUM')).toEqual({
      size: 'MEDIUM',
      payments: 2,
      captured: { amount: 600 },
    });
    expect(r.feedbackReport).toMatchObject({
      responses: 2,
      averageRating: 4,
      ratingCounts: [0, 0, 1, 0, 1],
      comments: [{ rating: 5 }],
    });
  });

  test('CSV over HTTP with the same bearer auth and reports:read', async () => {
    const query = { siteId: f.siteId, from: range.from, to: range.to, bucket: 'HOUR' };
    expect((await csv('sessions', query)).status).toBe(401);
    const refused = await csv('sessions', query, f.kioskToken);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await csv('nonsense', query, f.adminToken)).status).toBe(404);
    expect((await csv('usage', { ...query, from: 'yesterday' }, f.adminToken)).status).toBe(400);

    const sessions = await csv('sessions', query, f.adminToken);
    expect(sessions.headers.get('content-type')).toContain('text/csv');
    const lines = (await sessions.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,site_id,site,size,status,compartment,created_at,deposited_at,due_at,retrieved_at,ended_at,currency,price_major_units,paid_major_units',
    );
    expect(lines.slice(1).map((l) => l.split(',')[4])).toEqual(['COMPLETED', 'COMPLETED']);
    expect(lines[2]).toMatch(/,MEDIUM,COMPLETED,.*,EUR,4.00,6.00$/);

    const overdue = (await (await csv('overdue', query, f.adminToken)).text()).trim().split('\r\n');
    expect(overdue).toEqual([
      'start,overdue,security_escalations,abandoned',
      '2026-03-10T08:00:00.000Z,0,0,0',
      '2026-03-10T09:00:00.000Z,1,0,0',
      '2026-03-10T10:00:00.000Z,0,0,0',
    ]);
    const revenue = await (await csv('revenue', { ...query, siteId: '' }, f.adminToken)).text(); // all sites
    expect(revenue.split('\r\n')[0]).toBe(
      'size,payments,automatic_refunds,currency,captured_major_units,refunded_major_units,refunded_automatically_major_units,net_major_units',
    );
    expect(revenue).toContain('MEDIUM,2,0,EUR,6.00,0.00,0.00,6.00');
    for (const name of ['usage', 'occupancy', 'storage-duration'])
      expect((await csv(name, query, f.adminToken)).status).toBe(200);
    // a comment that a spreadsheet would run as a formula is defused
    expect(await (await csv('feedback', query, f.adminToken)).text()).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
