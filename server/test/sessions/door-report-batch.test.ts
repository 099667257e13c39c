import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, heartbeat, issue, REPORT, scanOnly, type Fixture } from '../support/fixtures.js';

/** A door report is applied set-wise: every door of the batch locked at once, its rules applied in reading order. */
describe('door reports: a batch of many doors', () => {
  let s: TestServer;
  let f: Fixture;
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 24 } });
  });
  afterAll(() => s.stop());

  const sql = <T>(text: string, params: unknown[]) =>
    s.app.orm.em.fork().getConnection().execute<T[]>(text, params);

  async function deposits(n: number) {
    const codes = [];
    for (let i = 0; i < n; i++) codes.push((await issue(s, f)).code.payload);
    return codes;
  }

  test('doors opened and closed in one report, the same report twice in reverse order and deposit scans at once: each deposit stored once, no error', async () => {
    await heartbeat(s, f);
    const scanned = await Promise.all((await deposits(8)).map((p) => scanOnly(s, f, p)));
    const doors = scanned.map((r) => r.compartment!.id);
    const opened = new Date(Date.now() - 2000).toISOString();
    const closed = new Date(Date.now() - 1000).toISOString();
    const batch = doors.flatMap((compartmentId) => [
      { compartmentId, state: 'OPEN', at: opened },
      { compartmentId, state: 'CLOSED', at: closed },
    ]);
    const racing = await deposits(8);
    await heartbeat(s, f);
    const results = await Promise.all([
      s.gql(REPORT, { r: batch }, f.gatewayToken),
      s.gql(REPORT, { r: [...batch].reverse() }, f.gatewayToken),
      ...racing.map((p) => scanOnly(s, f, p).then((scan) => ({ scan }))),
    ]);
    expect(results.flatMap((r) => ('errors' in r ? (r.errors ?? []) : []))).toEqual([]);
    expect(results.slice(2).map((r) => ('scan' in r ? r.scan.outcome : ''))).toEqual(
      racing.map(() => 'UNLOCKING_FOR_DEPOSIT'),
    );

    const sessions = scanned.map((r) => r.session!.id);
    const stored = await sql<{ status: string; stores: string }>(
      `select s.status, (select count(*) from session_transition t where t.session_id = s.id and t.to_status = 'STORED') as stores
       from storage_session s where s.id in (${sessions.map(() => '?').join(',')})`,
      sessions,
    );
    expect(stored.map((r) => [r.status, Number(r.stores)])).toEqual(sessions.map(() => ['STORED', 1]));
    const events = await sql<{ type: string; n: string }>(
      `select type, count(*) as n from door_event where compartment_id in (${doors.map(() => '?').join(',')})
       and type in ('OPENED', 'CLOSED', 'FORCED_OPEN') group by type order by type`,
      doors,
    );
    expect(events.map((e) => [e.type, Number(e.n)])).toEqual([
      ['CLOSED', 8],
      ['OPENED', 8],
    ]);
    const compartments = await sql<{ status: string }>(
      `select status from compartment where id in (${doors.map(() => '?').join(',')})`,
      doors,
    );
    expect(compartments.map((c) => c.status)).toEqual(doors.map(() => 'OCCUPIED'));
  });

  test('a door forced open in a batch with expected openings: only it is FORCED_OPEN, and it goes to inspection', async () => {
    await heartbeat(s, f);
    const scanned = await scanOnly(s, f, (await deposits(1))[0]!);
    const free = await sql<{ id: string }>(
      `select id from compartment where site_id = ? and status = 'AVAILABLE' order by label limit 1`,
      [f.siteId],
    );
    const forced = free[0]!.id;
    const at = new Date().toISOString();
    const r = await s.gql(
      REPORT,
      {
        r: [
          { compartmentId: scanned.compartment!.id, state: 'OPEN', at },
          { compartmentId: forced, state: 'OPEN', at },
        ],
      },
      f.gatewayToken,
    );
    expect(r.errors).toBeUndefined();
    const rows = await sql<{ id: string; status: string; type: string }>(
      `select c.id, c.status, e.type from compartment c join door_event e on e.compartment_id = c.id
       where c.id in (?, ?) and e.type in ('OPENED', 'FORCED_OPEN')`,
      [scanned.compartment!.id, forced],
    );
    expect(rows.find((x) => x.id === forced)).toMatchObject({
      status: 'NEEDS_INSPECTION',
      type: 'FORCED_OPEN',
    });
    expect(rows.find((x) => x.id === scanned.compartment!.id)).toMatchObject({
      status: 'RESERVED',
      type: 'OPENED',
    });
  });
});
