import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import {
  createSite,
  heartbeat,
  issue,
  keepPresent,
  login,
  ok,
  SCAN,
  type Fixture,
} from '../support/fixtures.js';

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const LOGIN = `mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }`;

/** GraphQL over HTTP with extra headers (a proxy's X-Forwarded-For). */
async function gqlVia(
  s: TestServer,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
  token?: string,
): Promise<GqlResult> {
  const res = await fetch(s.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult;
}

describe('rate limits count failed outcomes only, and cannot be turned against the owner', () => {
  let s: TestServer;
  let f: Fixture;
  let kiosk2: string;
  beforeAll(async () => {
    // the test client connects from 127.0.0.1: as a trusted proxy, its X-Forwarded-For names each client
    s = await startTestServer({ env: { TRUSTED_PROXIES: '127.0.0.1,::1/128' } });
    f = await createSite(s, { counts: { SMALL: 210 } });
    kiosk2 = ok(
      await s.gql<{ registerKiosk: { token: string } }>(
        `mutation($s:ID!){ registerKiosk(siteId:$s,name:"k2"){ token } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).registerKiosk.token;
  });
  afterAll(async () => {
    await s.stop();
  });

  test('200 valid scans at once from one kiosk: none RATE_LIMITED', { timeout: 120_000 }, async () => {
    const codes: string[] = [];
    for (let i = 0; i < 10; i++)
      codes.push(
        ...(await Promise.all(Array.from({ length: 20 }, async () => (await issue(s, f)).code.payload))),
      );
    // present before the first scan (a scan finds no lock it can drive at a site whose gateway is absent)
    const stop = await keepPresent(s, f);
    const results = await Promise.all(
      codes.map((p) =>
        gqlVia(
          s,
          SCAN,
          { s: f.siteId, p, i: 'RETRIEVE' },
          { 'x-forwarded-for': '203.0.113.10' },
          f.kioskToken,
        ),
      ),
    ).finally(stop);
    const answers = results.map(
      (r) => code(r) ?? (r.data as { scanAccessCode?: { outcome: string } })?.scanAccessCode?.outcome,
    );
    const counts: Record<string, number> = {};
    for (const a of answers) counts[a ?? 'no answer'] = (counts[a ?? 'no answer'] ?? 0) + 1;
    const tally = JSON.stringify(counts);
    expect(
      answers.filter((a) => a === 'RATE_LIMITED'),
      tally,
    ).toHaveLength(0);
    expect(
      answers.filter((a) => a === 'UNLOCKING_FOR_DEPOSIT'),
      tally,
    ).toHaveLength(200);
  });

  test('11 bad codes from one kiosk: the 11th RATE_LIMITED; a valid code from another kiosk behind the same address is served', async () => {
    const via = { 'x-forwarded-for': '203.0.113.20' };
    const outcomes: string[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await gqlVia(s, SCAN, { s: f.siteId, p: `LK1:bogus-${i}`, i: 'RETRIEVE' }, via, f.kioskToken);
      outcomes.push(code(r) ?? (r.data as { scanAccessCode: { outcome: string } }).scanAccessCode.outcome);
    }
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill('INVALID_CODE'));
    expect(outcomes[10]).toBe('RATE_LIMITED');
    const valid = (await issue(s, f)).code.payload;
    await heartbeat(s, f);
    const served = await gqlVia(s, SCAN, { s: f.siteId, p: valid, i: 'RETRIEVE' }, via, kiosk2);
    expect((served.data as { scanAccessCode: { outcome: string } }).scanAccessCode.outcome).toBe(
      'UNLOCKING_FOR_DEPOSIT',
    );
  });

  test('one attempt per operation: 30 aliased logins or scans in one request are refused before any runs', async () => {
    const logins = `mutation { ${Array.from({ length: 30 }, (_, i) => `a${i}: login(email:"admin@example.com", password:"guess-${i}"){ token }`).join(' ')} }`;
    const r = await s.gql(logins, {});
    expect(r.errors?.[0]?.message).toMatch(/login may appear once per operation/);
    expect(r.data).toBeUndefined();
    const scans = `mutation($s:ID!) { a: scanAccessCode(siteId:$s,payload:"x"){ outcome } b: scanAccessCode(siteId:$s,payload:"y"){ outcome } }`;
    expect((await s.gql(scans, { s: f.siteId }, f.kioskToken)).errors?.[0]?.message).toMatch(
      /scanAccessCode may appear once/,
    );
  });

  test('the owner signs in while an attacker sends wrong passwords from another address', async () => {
    const owner = { 'x-forwarded-for': '198.51.100.7' };
    ok(await gqlVia(s, LOGIN, { e: 'admin@example.com', p: 'admin-password-1' }, owner)); // a known address
    const attacker = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        gqlVia(s, LOGIN, { e: 'admin@example.com', p: `wrong-${i}` }, { 'x-forwarded-for': '192.0.2.66' }),
      ),
    );
    expect(attacker.filter((r) => code(r) === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(30);
    for (let i = 0; i < 3; i++) {
      const r = await gqlVia(s, LOGIN, { e: 'admin@example.com', p: 'admin-password-1' }, owner);
      expect(r.errors).toBeUndefined();
    }
    // and the attacker's address stays refused, even with the right password
    expect(
      code(
        await gqlVia(
          s,
          LOGIN,
          { e: 'admin@example.com', p: 'admin-password-1' },
          { 'x-forwarded-for': '192.0.2.66' },
        ),
      ),
    ).toBe('RATE_LIMITED');
  });

  test('a forwarding header from an untrusted peer is ignored; Forwarded is read like X-Forwarded-For', async () => {
    const plain = await startTestServer({ env: { RATE_LIMIT_LOGINS: '3' } });
    try {
      const wrong = (headers: Record<string, string>) =>
        gqlVia(plain, LOGIN, { e: 'admin@example.com', p: 'nope-nope-nope' }, headers);
      for (let i = 0; i < 3; i++)
        expect(code(await wrong({ 'x-forwarded-for': `10.0.0.${i}` }))).toBe('UNAUTHENTICATED');
      expect(code(await wrong({ 'x-forwarded-for': '10.0.0.99' }))).toBe('RATE_LIMITED'); // all one address: the socket's
    } finally {
      await plain.stop();
    }
    for (let i = 0; i < 10; i++)
      await gqlVia(
        s,
        LOGIN,
        { e: 'viewer@example.com', p: 'nope-nope-nope' },
        { forwarded: 'for="[2001:db8::5]:4711"' },
      );
    expect(
      code(
        await gqlVia(
          s,
          LOGIN,
          { e: 'viewer@example.com', p: 'nope-nope-nope' },
          { forwarded: 'for="[2001:db8::5]:4711"' },
        ),
      ),
    ).toBe('RATE_LIMITED');
    expect(
      code(
        await gqlVia(
          s,
          LOGIN,
          { e: 'viewer@example.com', p: 'nope-nope-nope' },
          { forwarded: 'for=192.0.2.1' },
        ),
      ),
    ).toBe('UNAUTHENTICATED');
  });

  test('a database failure during sign-in does not count as a wrong password', async () => {
    const db = await startTestServer({ env: { RATE_LIMIT_LOGINS: '2' } });
    try {
      await login(db);
      await db.app.orm.em.getConnection().execute('alter table app_user rename to user_away');
      for (let i = 0; i < 4; i++)
        expect(code(await db.gql(LOGIN, { e: 'admin@example.com', p: 'admin-password-1' }))).toBe(
          'INTERNAL_SERVER_ERROR',
        );
      await db.app.orm.em.getConnection().execute('alter table user_away rename to app_user');
      expect(code(await db.gql(LOGIN, { e: 'admin@example.com', p: 'admin-password-1' }))).toBeUndefined();
    } finally {
      await db.stop();
    }
  });
});
