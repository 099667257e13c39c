import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import { createSite, heartbeat, ok, presence, type Fixture } from '../support/fixtures.js';
import { ManualClock } from '../../src/shared/clock.js';

const OPEN = `mutation($c:ID!){ operatorOpenCompartment(compartmentId:$c, reason:"customer at the desk"){ id type } }`;
type Refusal = { code?: string; reason?: string; gatewayName?: string; lastSeenAt?: string | null };
const refusal = (r: GqlResult): Refusal & { message?: string } => ({
  ...r.errors?.[0]?.extensions,
  message: r.errors?.[0]?.message,
});

describe('a remote open that cannot happen is refused up front, saying why', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  const clock = new ManualClock(new Date());
  const count = async (sql: string) => (await db.query(sql)).rows[0].n as number;

  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, { counts: { SMALL: 2 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('a gateway never heard from: LOCK_UNAVAILABLE with reason GATEWAY_OFFLINE, nothing sent or recorded', async () => {
    const c = f.compartments[0]!;
    const r = refusal(await s.gql(OPEN, { c: c.id }, f.adminToken));
    expect(r.code).toBe('LOCK_UNAVAILABLE');
    expect(r.reason).toBe('GATEWAY_OFFLINE');
    expect(r.gatewayName).toBe('gw');
    expect(r.lastSeenAt).toBeNull();
    expect(r.message).toBe(
      `Compartment ${c.label} cannot be opened now: gateway gw has never been heard from. Nothing was sent to the lock.`,
    );
    expect(await count(`select count(*)::int as n from gateway_command`)).toBe(0);
    expect(
      await count(`select count(*)::int as n from audit_entry where action = 'compartment.remote-open'`),
    ).toBe(0);
  });

  test('a gateway gone quiet: the refusal says since when, in the site’s zone', async () => {
    await heartbeat(s, f);
    const seen = clock.now();
    clock.advance(60_000);
    const c = f.compartments[0]!;
    const r = refusal(await s.gql(OPEN, { c: c.id }, f.adminToken));
    expect(r.code).toBe('LOCK_UNAVAILABLE');
    expect(r.reason).toBe('GATEWAY_OFFLINE');
    expect(Date.parse(r.lastSeenAt!)).toBeCloseTo(seen.getTime(), -3);
    expect(r.message).toMatch(
      /gateway gw is offline \(last heard from \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(Europe\/Berlin\)\)/,
    );
  });

  test('a controller the gateway cannot read: reason CONTROLLER_UNREACHABLE', async () => {
    await presence(s, f, { since: clock.now(), lastGoodReadAt: null, up: false, error: 'ECONNREFUSED' });
    const r = refusal(await s.gql(OPEN, { c: f.compartments[1]!.id }, f.adminToken));
    expect(r.code).toBe('LOCK_UNAVAILABLE');
    expect(r.reason).toBe('CONTROLLER_UNREACHABLE');
    expect(r.message).toContain('cannot read its lock controller');
  });

  test('with the gateway present and its controller up, the open is accepted', async () => {
    await presence(s, f, { since: clock.now(), lastGoodReadAt: clock.now(), up: true });
    const r = ok(
      await s.gql<{ operatorOpenCompartment: { type: string } }>(
        OPEN,
        { c: f.compartments[1]!.id },
        f.adminToken,
      ),
    );
    expect(r.operatorOpenCompartment.type).toBe('UNLOCK_REQUESTED');
  });
});
