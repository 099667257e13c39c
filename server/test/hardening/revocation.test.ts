import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestServer } from '../support/test-server.js';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { collect, createSite, login, ok, waitFor, type Fixture } from '../support/fixtures.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Two real server processes on one PostgreSQL and one Redis: a credential revoked through A
 * closes the subscriptions opened with it on B within a second, and B refuses it at once.
 */
describe('revoking a credential closes its open subscriptions on every instance within a second', () => {
  let a: ChildServer;
  let b: ChildServer;
  let f: Fixture;
  let dropDb: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDb = database.drop;
    const env = { DATABASE_URL: database.url, REDIS_URL };
    a = await startChildServer(env);
    b = await startChildServer(env);
    f = await createSite(a as unknown as TestServer, { counts: { SMALL: 1 } });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await dropDb?.();
  });

  /** Subscribes on B with `token`, revokes through A, and returns how long B took to close it. */
  async function closedAfterRevoking(
    token: string,
    query: string,
    revoke: () => Promise<unknown>,
    vars: Record<string, unknown> = {},
  ): Promise<number> {
    const sub = collect(b.ws(token), query, vars);
    await new Promise((r) => setTimeout(r, 400)); // subscribed
    expect(sub.errors).toEqual([]);
    const started = Date.now();
    await revoke();
    await waitFor(() => sub.errors.length > 0, 5_000);
    const elapsed = Date.now() - started;
    expect(sub.errors[0]).toMatchObject({ code: 4403, reason: 'Credential revoked' });
    process.stdout.write(
      `revocation: subscription on the other instance closed ${elapsed} ms after the revoking call was sent\n`,
    );
    return elapsed;
  }

  test('an API key', async () => {
    const key = ok(
      await a.gql<{ createApiKey: { id: string; secret: string } }>(
        `mutation { createApiKey(name:"feed", scopes:["events:subscribe","sites:read"]){ id secret } }`,
        {},
        f.adminToken,
      ),
    ).createApiKey;
    const ms = await closedAfterRevoking(
      key.secret,
      `subscription($s:ID){ doorEvents(siteId:$s){ id } }`,
      () => a.gql(`mutation($id:ID!){ revokeApiKey(id:$id){ id } }`, { id: key.id }, f.adminToken),
      { s: f.siteId },
    );
    expect(ms).toBeLessThan(1000);
    expect((await b.gql(`{ sites { id } }`, {}, key.secret)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  test('a device token (rotated with no grace: the old one is revoked)', async () => {
    let fresh = '';
    const ms = await closedAfterRevoking(
      f.gatewayToken,
      `subscription { gatewayCommands { id } }`,
      async () => {
        fresh = ok(
          await a.gql<{ rotateDeviceToken: { token: string } }>(
            `mutation($id:ID!){ rotateDeviceToken(deviceId:$id, graceSeconds:0){ token } }`,
            { id: f.gatewayId },
            f.adminToken,
          ),
        ).rotateDeviceToken.token;
      },
    );
    expect(ms).toBeLessThan(1000);
    expect(
      (await b.gql(`{ gatewayConfig { pulseMs } }`, {}, f.gatewayToken)).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect((await b.gql(`{ gatewayConfig { pulseMs } }`, {}, fresh)).errors).toBeUndefined();
  });

  test('a user (deactivated)', async () => {
    const user = ok(
      await a.gql<{ createUser: { id: string } }>(
        `mutation { createUser(email:"leaver@example.com", password:"a-long-password", role:VIEWER){ id } }`,
        {},
        f.adminToken,
      ),
    ).createUser;
    const token = await login(a as unknown as TestServer, 'leaver@example.com', 'a-long-password');
    const ms = await closedAfterRevoking(
      token,
      `subscription($s:ID){ doorEvents(siteId:$s){ id } }`,
      () => a.gql(`mutation($id:ID!){ deactivateUser(userId:$id){ id } }`, { id: user.id }, f.adminToken),
      { s: f.siteId },
    );
    expect(ms).toBeLessThan(1000);
    expect((await b.gql(`{ sites { id } }`, {}, token)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await a.gql(`mutation { login(email:"leaver@example.com", password:"a-long-password"){ token } }`))
        .errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });

  test('a user (demoted, or signed out everywhere): its old token refused on the other instance at once', async () => {
    ok(
      await a.gql(
        `mutation { createUser(email:"mover@example.com", password:"a-long-password", role:OPERATOR){ id } }`,
        {},
        f.adminToken,
      ),
    );
    const id = ok(
      await a.gql<{ users: { id: string; email: string }[] }>(`{ users { id email } }`, {}, f.adminToken),
    ).users.find((u) => u.email === 'mover@example.com')!.id;
    const token = await login(a as unknown as TestServer, 'mover@example.com', 'a-long-password');
    ok(await b.gql(`{ sites { id } }`, {}, token)); // cached as valid on B
    const ms = await closedAfterRevoking(
      token,
      `subscription($s:ID){ doorEvents(siteId:$s){ id } }`,
      () => a.gql(`mutation($id:ID!){ updateUser(userId:$id, role:VIEWER){ id } }`, { id }, f.adminToken),
      { s: f.siteId },
    );
    expect(ms).toBeLessThan(1000);
    expect((await b.gql(`{ sites { id } }`, {}, token)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const second = await login(a as unknown as TestServer, 'mover@example.com', 'a-long-password');
    ok(await b.gql(`{ sites { id } }`, {}, second));
    ok(await a.gql(`mutation($id:ID!){ signOutUserEverywhere(userId:$id){ id } }`, { id }, f.adminToken));
    await waitFor(
      async () =>
        (await b.gql(`{ sites { id } }`, {}, second)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED',
      1000,
    );
  });

  test('a user whose sites change: served with the new sites on the other instance at once, still signed in', async () => {
    const user = ok(
      await a.gql<{ createUser: { id: string } }>(
        `mutation($s:[ID!]){ createUser(email:"roamer@example.com", password:"a-long-password", role:OPERATOR, siteIds:$s){ id } }`,
        { s: [f.siteId] },
        f.adminToken,
      ),
    ).createUser;
    const other = ok(
      await a.gql<{ createSite: { id: string } }>(
        `mutation { createSite(name:"Other Station", timezone:"UTC"){ id } }`,
        {},
        f.adminToken,
      ),
    ).createSite.id;
    const token = await login(a as unknown as TestServer, 'roamer@example.com', 'a-long-password');
    const sitesOnB = async () =>
      ok(await b.gql<{ sites: { id: string }[] }>(`{ sites { id } }`, {}, token)).sites.map((x) => x.id);
    expect(await sitesOnB()).toEqual([f.siteId]); // cached on B
    const sub = collect(b.ws(token), `subscription { alertRaised { id } }`);
    await new Promise((r) => setTimeout(r, 400)); // subscribed
    expect(sub.errors).toEqual([]);
    const started = Date.now();
    ok(
      await a.gql(
        `mutation($u:ID!,$s:[ID!]){ setUserSites(userId:$u, siteIds:$s){ id } }`,
        { u: user.id, s: [other] },
        f.adminToken,
      ),
    );
    await waitFor(() => sub.errors.length > 0, 5_000);
    expect(Date.now() - started).toBeLessThan(1000);
    // closed to reconnect with the new sites, not refused: the token stays good
    expect(sub.errors[0]).toMatchObject({ code: 4100, reason: 'Rights changed' });
    expect(await sitesOnB()).toEqual([other]);
  });
});
