import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import {
  collect,
  createSite,
  issue,
  login,
  ok,
  scanOnly,
  SCAN,
  waitFor,
  type Fixture,
} from '../support/fixtures.js';

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const CONFIG = `{ gatewayConfig { pulseMs } }`;
const HEARTBEAT = `mutation { reportDoorStates(reports: []) }`;

describe('device tokens: revoke, rotate with a grace, a kiosk seen when it calls', () => {
  let s: TestServer;
  let f: Fixture;
  let kioskId: string;
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 2 } });
    kioskId = ok(
      await s.gql<{ site: { kiosks: { id: string }[] } }>(
        `query($s:ID!){ site(id:$s){ kiosks { id } } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).site.kiosks[0]!.id;
  });
  afterAll(async () => {
    await s.stop();
  });

  const kiosks = async () =>
    ok(
      await s.gql<{ site: { kiosks: { id: string; lastSeenAt: string | null }[] } }>(
        `query($s:ID!){ site(id:$s){ kiosks { id lastSeenAt } } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).site.kiosks;

  test("a kiosk's lastSeenAt is set when it calls the API", async () => {
    expect((await kiosks())[0]!.lastSeenAt).toBeNull();
    const before = Date.now();
    await issue(s, f);
    const seen = await waitFor(async () => (await kiosks())[0]!.lastSeenAt, 2000);
    expect(new Date(seen!).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  test('a rotated gateway token keeps working through the grace, the new one at once', async () => {
    const rotated = ok(
      await s.gql<{ rotateDeviceToken: { id: string; token: string; oldTokenValidUntil: string } }>(
        `mutation($id:ID!){ rotateDeviceToken(deviceId:$id, graceSeconds: 2){ id token oldTokenValidUntil } }`,
        { id: f.gatewayId },
        f.adminToken,
      ),
    ).rotateDeviceToken;
    expect(rotated.token).not.toBe(f.gatewayToken);
    expect(new Date(rotated.oldTokenValidUntil).getTime()).toBeGreaterThan(Date.now());
    // the old token, as a running gateway still uses it: its subscription stays open meanwhile
    const sub = collect(s.ws(f.gatewayToken), `subscription { gatewayCommands { id } }`);
    ok(await s.gql(HEARTBEAT, {}, f.gatewayToken));
    await new Promise((r) => setTimeout(r, 500));
    expect(sub.errors).toEqual([]);
    ok(await s.gql(CONFIG, {}, f.gatewayToken));
    ok(await s.gql(CONFIG, {}, rotated.token));
    // past the grace (and the few seconds credentials are cached) only the new one works
    await waitFor(async () => code(await s.gql(CONFIG, {}, f.gatewayToken)) === 'UNAUTHENTICATED', 10_000);
    ok(await s.gql(HEARTBEAT, {}, rotated.token));
    // the connection opened with the old token ended with its grace
    await waitFor(() => sub.errors.length > 0, 2000);
    expect(sub.errors[0]).toMatchObject({ code: 4403 });
    f = { ...f, gatewayToken: rotated.token };
  }, 20_000);

  test('rotated with no grace, the old token is refused at once', async () => {
    const { token } = ok(
      await s.gql<{ rotateDeviceToken: { token: string; oldTokenValidUntil: string | null } }>(
        `mutation($id:ID!){ rotateDeviceToken(deviceId:$id, graceSeconds: 0){ token oldTokenValidUntil } }`,
        { id: f.gatewayId },
        f.adminToken,
      ),
    ).rotateDeviceToken;
    expect(code(await s.gql(CONFIG, {}, f.gatewayToken))).toBe('UNAUTHENTICATED');
    f = { ...f, gatewayToken: token };
    ok(await s.gql(CONFIG, {}, token));
  });

  test('a revoked kiosk token cannot scan; rotation gives the kiosk a working token again', async () => {
    const { code: accessCode } = await issue(s, f);
    ok(await s.gql(`mutation($id:ID!){ revokeDeviceToken(deviceId:$id) }`, { id: kioskId }, f.adminToken));
    const refused = await s.gql(SCAN, { s: f.siteId, p: accessCode.payload, i: 'RETRIEVE' }, f.kioskToken);
    expect(code(refused)).toBe('UNAUTHENTICATED');
    const { token } = ok(
      await s.gql<{ rotateDeviceToken: { token: string } }>(
        `mutation($id:ID!){ rotateDeviceToken(deviceId:$id){ token } }`,
        { id: kioskId },
        f.adminToken,
      ),
    ).rotateDeviceToken;
    // nothing to keep after a revocation: the revoked token stays refused
    expect(code(await s.gql(SCAN, { s: f.siteId, p: accessCode.payload }, f.kioskToken))).toBe(
      'UNAUTHENTICATED',
    );
    f = { ...f, kioskToken: token };
    ok(await s.gql(HEARTBEAT, {}, f.gatewayToken));
    expect((await scanOnly(s, f, accessCode.payload)).outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  });

  test('a revoked gateway token closes its command subscription', async () => {
    const sub = collect(s.ws(f.gatewayToken), `subscription { gatewayCommands { id } }`);
    await new Promise((r) => setTimeout(r, 300));
    ok(
      await s.gql(`mutation($id:ID!){ revokeDeviceToken(deviceId:$id) }`, { id: f.gatewayId }, f.adminToken),
    );
    await waitFor(() => sub.errors.length > 0, 2000);
    expect(code(await s.gql(CONFIG, {}, f.gatewayToken))).toBe('UNAUTHENTICATED');
  });

  test('VIEWER and OPERATOR cannot revoke or rotate', async () => {
    for (const role of ['VIEWER', 'OPERATOR']) {
      const email = `${role.toLowerCase()}@example.com`;
      ok(
        await s.gql(
          `mutation($e:String!,$r:Role!){ createUser(email:$e,password:"a-long-password",role:$r){ id } }`,
          { e: email, r: role },
          f.adminToken,
        ),
      );
      const token = await login(s, email, 'a-long-password');
      for (const op of [
        `mutation($id:ID!){ revokeDeviceToken(deviceId:$id) }`,
        `mutation($id:ID!){ rotateDeviceToken(deviceId:$id){ token } }`,
      ])
        expect(code(await s.gql(op, { id: kioskId }, token))).toBe('FORBIDDEN');
    }
  });
});
