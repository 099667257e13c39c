import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, heartbeat, issue, scanOnly, type Fixture } from '../support/fixtures.js';

describe('concurrency: allocation is atomic', () => {
  let s: TestServer;
  let f: Fixture;
  beforeAll(async () => {
    // a high failed-scan limit: this test is about allocation, not about rate limits
    s = await startTestServer({ env: { RATE_LIMIT_FAILED_SCANS: '10000' } });
    f = await createSite(s, { counts: { SMALL: 50, MEDIUM: 1 } });
  });
  afterAll(() => s.stop());

  test('200 scans of 200 sessions at once for 50 compartments: 50 unlocks on 50 compartments, 150 none free', async () => {
    const codes = await Promise.all(Array.from({ length: 200 }, () => issue(s, f, 'SMALL')));
    await heartbeat(s, f);
    const results = await Promise.all(codes.map((c) => scanOnly(s, f, c.code.payload)));
    const unlocked = results.filter((r) => r.outcome === 'UNLOCKING_FOR_DEPOSIT');
    expect(unlocked).toHaveLength(50);
    expect(new Set(unlocked.map((r) => r.compartment!.id)).size).toBe(50);
    expect(results.filter((r) => r.outcome === 'NO_COMPARTMENT_AVAILABLE')).toHaveLength(150);

    const db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    const reserved = await db.query(`select count(*)::int as n from compartment c where status = 'RESERVED'
      and not exists (select 1 from storage_session s where s.compartment_id = c.id and s.status = 'DEPOSITING')`);
    const depositing = await db.query(
      `select count(distinct compartment_id)::int as n, count(*)::int as total from storage_session where status = 'DEPOSITING'`,
    );
    await db.end();
    expect(reserved.rows[0].n).toBe(0);
    expect(depositing.rows[0]).toEqual({ n: 50, total: 50 });
  });

  test('the same code scanned 10 times at once: one unlock, the rest BUSY', async () => {
    const code = await issue(s, f, 'MEDIUM');
    await heartbeat(s, f);
    const results = await Promise.all(Array.from({ length: 10 }, () => scanOnly(s, f, code.code.payload)));
    expect(results.filter((r) => r.outcome === 'UNLOCKING_FOR_DEPOSIT')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'BUSY')).toHaveLength(9);
  });

  test('the database itself refuses a second open session on one compartment', async () => {
    const db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    const { rows } = await db.query(
      `select id, compartment_id from storage_session where status = 'DEPOSITING' limit 2`,
    );
    await expect(
      db.query(`update storage_session set compartment_id = $1 where id = $2`, [
        rows[0].compartment_id,
        rows[1].id,
      ]),
    ).rejects.toThrow(/storage_session_one_open_per_compartment/);
    await db.end();
  });
});

describe('concurrency: gateway acks, door reports and staff actions on the same sessions', () => {
  test('acks and endSession racing on 30 sessions all succeed (no deadlock reaches a client)', async () => {
    const s = await startTestServer({ env: { RATE_LIMIT_FAILED_SCANS: '10000' } });
    try {
      const f = await createSite(s, { counts: { SMALL: 30 } });
      const codes = await Promise.all(Array.from({ length: 30 }, () => issue(s, f, 'SMALL')));
      await heartbeat(s, f);
      const scans = await Promise.all(codes.map((c) => scanOnly(s, f, c.code.payload)));
      const db = new pg.Client({ connectionString: s.databaseUrl });
      await db.connect();
      const commands = (await db.query(`select id from gateway_command where acked_at is null`)).rows.map(
        (r) => r.id as string,
      );
      await db.end();
      const calls = [
        ...commands.map((id) =>
          s.gql(
            `mutation($id:ID!){ ackGatewayCommand(commandId:$id, result:SUCCEEDED) }`,
            { id },
            f.gatewayToken,
          ),
        ),
        ...scans.map((r) =>
          s.gql(
            `mutation($r:[DoorReport!]!){ reportDoorStates(reports:$r) }`,
            { r: [{ compartmentId: r.compartment!.id, state: 'OPEN', at: new Date().toISOString() }] },
            f.gatewayToken,
          ),
        ),
        ...codes.map((c) =>
          s.gql(
            `mutation($id:ID!){ endSession(sessionId:$id, reason:"closing the site"){ status } }`,
            { id: c.session.id },
            f.adminToken,
          ),
        ),
      ];
      const results = await Promise.all(calls);
      const errors = results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code);
      expect(errors.filter((c) => c === 'INTERNAL_SERVER_ERROR')).toEqual([]);
    } finally {
      await s.stop();
    }
  });

  test('a door report from another site refuses the whole batch and applies none of it', async () => {
    const s = await startTestServer();
    try {
      const f = await createSite(s);
      const other = await createSite(s);
      const mine = f.compartments[0]!.id;
      const r = await s.gql(
        `mutation($r:[DoorReport!]!){ reportDoorStates(reports:$r) }`,
        {
          r: [
            { compartmentId: mine, state: 'CLOSED', at: new Date().toISOString() },
            { compartmentId: other.compartments[0]!.id, state: 'CLOSED', at: new Date().toISOString() },
          ],
        },
        f.gatewayToken,
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const state = await s.gql<any>(
        `query($s:ID!){ site(id:$s){ compartments { id doorState } } }`,
        { s: f.siteId },
        f.adminToken,
      );
      expect(state.data.site.compartments.find((c: any) => c.id === mine).doorState).toBe('UNKNOWN');
      const old = await s.gql(
        `mutation($r:[DoorReport!]!){ reportDoorStates(reports:$r) }`,
        { r: [{ compartmentId: mine, state: 'CLOSED', at: new Date(Date.now() - 3600_000).toISOString() }] },
        f.gatewayToken,
      );
      expect(old.errors).toBeUndefined(); // an hour-old reading from a gateway that was cut off is accepted
      const future = await s.gql(
        `mutation($r:[DoorReport!]!){ reportDoorStates(reports:$r) }`,
        { r: [{ compartmentId: mine, state: 'OPEN', at: new Date(Date.now() + 3600_000).toISOString() }] },
        f.gatewayToken,
      );
      expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reports.at' });
    } finally {
      await s.stop();
    }
  });
});
