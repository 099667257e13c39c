import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, issue, login, ok, SCAN, type Fixture } from '../support/fixtures.js';

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

describe('who may do what: roles, devices, scopes and sites', () => {
  let s: TestServer;
  let f: Fixture;
  let other: Fixture;
  let viewer: string;
  let operator: string;
  beforeAll(async () => {
    s = await startTestServer({ env: { RATE_LIMIT_FAILED_SCANS: '3', RATE_LIMIT_LOGINS: '4' } });
    f = await createSite(s);
    other = await createSite(s);
    for (const [email, role] of [
      ['viewer@example.com', 'VIEWER'],
      ['operator@example.com', 'OPERATOR'],
    ]) {
      ok(
        await s.gql(
          `mutation($e:String!,$r:Role!){ createUser(email:$e,password:"a-good-password",role:$r){ id } }`,
          { e: email, r: role },
          f.adminToken,
        ),
      );
    }
    viewer = await login(s, 'viewer@example.com', 'a-good-password');
    operator = await login(s, 'operator@example.com', 'a-good-password');
  });
  afterAll(() => s.stop());

  test('no credential: UNAUTHENTICATED; a bad one: UNAUTHENTICATED too', async () => {
    expect(code(await s.gql(`{ sessions { totalCount } }`))).toBe('UNAUTHENTICATED');
    const res = await s.gql(`{ me { id } }`, {}, 'not-a-token');
    expect(code(res)).toBe('UNAUTHENTICATED');
    expect(code(await s.gql(`{ me { id } }`, {}, 'lkd_forged'))).toBe('UNAUTHENTICATED');
  });

  test('a VIEWER reads but cannot act; an OPERATOR acts but cannot set up', async () => {
    expect(ok(await s.gql(`{ sessions { totalCount } }`, {}, viewer))).toBeTruthy();
    const c = f.compartments[0]!.id;
    expect(
      code(
        await s.gql(
          `mutation($c:ID!){ operatorOpenCompartment(compartmentId:$c, reason:"x"){ id } }`,
          { c },
          viewer,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await s.gql(
          `mutation($c:ID!){ setCompartmentOutOfService(compartmentId:$c, outOfService:true){ id } }`,
          { c },
          viewer,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(code(await s.gql(`mutation { createSite(name:"x", timezone:"UTC"){ id } }`, {}, operator))).toBe(
      'FORBIDDEN',
    );
    expect(
      code(await s.gql(`mutation { createApiKey(name:"x", scopes:["sites:read"]){ id } }`, {}, operator)),
    ).toBe('FORBIDDEN');
    expect(code(await s.gql(`{ users { id } }`, {}, operator))).toBe('FORBIDDEN');
    expect(
      ok(
        await s.gql(
          `mutation($c:ID!){ setCompartmentOutOfService(compartmentId:$c, outOfService:true, reason:"cleaning"){ status } }`,
          { c },
          operator,
        ),
      ),
    ).toEqual({
      setCompartmentOutOfService: { status: 'OUT_OF_SERVICE' },
    });
    ok(
      await s.gql(
        `mutation($c:ID!){ setCompartmentOutOfService(compartmentId:$c, outOfService:false){ status } }`,
        { c },
        operator,
      ),
    );
  });

  test('a kiosk acts only on its own site, and is not a gateway or an operator', async () => {
    const r = await s.gql(
      `mutation($s:ID!){ issueAccessCode(siteId:$s, size:SMALL){ session { id } } }`,
      { s: other.siteId },
      f.kioskToken,
    );
    expect(code(r)).toBe('FORBIDDEN');
    expect(code(await s.gql(`{ gatewayConfig { pulseMs } }`, {}, f.kioskToken))).toBe('FORBIDDEN');
    expect(code(await s.gql(`{ sessions { totalCount } }`, {}, f.kioskToken))).toBe('FORBIDDEN');
    expect(
      code(await s.gql(SCAN, { s: other.siteId, p: 'LK1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, f.kioskToken)),
    ).toBe('FORBIDDEN');
    const compartments = ok(
      await s.gql<{ site: { compartments: { currentSession: null }[] } }>(
        `query($s:ID!){ site(id:$s){ compartments { currentSession { id } } } }`,
        { s: f.siteId },
        f.kioskToken,
      ),
    );
    expect(compartments.site.compartments.every((c) => c.currentSession === null)).toBe(true);
  });

  test('a gateway reports only for its own site and cannot scan', async () => {
    const r = await s.gql(
      `mutation($r:[DoorReport!]!){ reportDoorStates(reports:$r) }`,
      { r: [{ compartmentId: other.compartments[0]!.id, state: 'OPEN', at: new Date().toISOString() }] },
      f.gatewayToken,
    );
    expect(code(r)).toBe('FORBIDDEN');
    expect(code(await s.gql(SCAN, { s: f.siteId, p: 'x' }, f.gatewayToken))).toBe('FORBIDDEN');
    expect(code(await s.gql(`{ gatewayConfig { pulseMs } }`, {}, f.adminToken))).toBe('FORBIDDEN');
    const cfg = ok(
      await s.gql<{ gatewayConfig: { compartments: unknown[] } }>(
        `{ gatewayConfig { compartments { compartmentId label modbus { unitId coil doorInput endpoint } } } }`,
        {},
        f.gatewayToken,
      ),
    );
    expect(cfg.gatewayConfig.compartments).toHaveLength(f.compartments.length);
  });

  test('an API key reads within its scopes only, over HTTP and WebSocket; a revoked key stops working', async () => {
    const key = ok(
      await s.gql<{ createApiKey: { id: string; secret: string } }>(
        `mutation { createApiKey(name:"bi", scopes:["sites:read","reports:read"]){ id secret } }`,
        {},
        f.adminToken,
      ),
    ).createApiKey;
    expect(ok(await s.gql(`{ sites { id } }`, {}, key.secret))).toBeTruthy();
    expect(code(await s.gql(`{ sessions { totalCount } }`, {}, key.secret))).toBe('FORBIDDEN');
    const errors: unknown[] = [];
    await new Promise<void>((resolve) => {
      s.ws(key.secret).subscribe(
        { query: `subscription { doorEvents { id } }` },
        {
          next: (v) => (errors.push(v.errors), resolve()),
          error: (e) => (errors.push(e), resolve()),
          complete: resolve,
        },
      );
    });
    expect(JSON.stringify(errors)).toContain('FORBIDDEN');
    expect(
      code(
        await s.gql(`mutation { createApiKey(name:"bad", scopes:["everything"]){ id } }`, {}, f.adminToken),
      ),
    ).toBe('BAD_USER_INPUT');
    ok(await s.gql(`mutation($id:ID!){ revokeApiKey(id:$id){ revokedAt } }`, { id: key.id }, f.adminToken));
    expect(code(await s.gql(`{ sites { id } }`, {}, key.secret))).toBe('UNAUTHENTICATED');
  });

  test('a WebSocket with a bad token is refused at connection', async () => {
    const closed = await new Promise<unknown>((resolve) => {
      s.ws('lkd_not-a-real-token').subscribe(
        { query: `subscription { gatewayCommands { id } }` },
        { next: () => {}, error: resolve, complete: () => resolve('complete') },
      );
    });
    expect((closed as { code?: number }).code).toBe(4403);
  });

  test('a code from another site is WRONG_SITE', async () => {
    const issued = await issue(s, other);
    const r = ok(
      await s.gql<{ scanAccessCode: { outcome: string } }>(
        SCAN,
        { s: f.siteId, p: issued.code.payload },
        f.kioskToken,
      ),
    );
    expect(r.scanAccessCode.outcome).toBe('WRONG_SITE');
  });
  test('failed scans are RATE_LIMITED per kiosk after the limit, and one request carries one scan (aliases refused)', async () => {
    const fresh = await createSite(s);
    const bad = 'LK1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const aliased = `mutation($s:ID!){ ${[1, 2, 3, 4, 5].map((i) => `a${i}: scanAccessCode(siteId:$s, payload:"${bad}"){ outcome }`).join(' ')} }`;
    const r = await s.gql(aliased, { s: fresh.siteId }, fresh.kioskToken);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.message).toMatch(/scanAccessCode may appear once per operation/);
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const one = await s.gql<{ scanAccessCode: { outcome: string } }>(
        SCAN,
        { s: fresh.siteId, p: bad },
        fresh.kioskToken,
      );
      answers.push(code(one) ?? one.data?.scanAccessCode.outcome);
    }
    // the limit is 3 per kiosk and per address (the address already spent one on WRONG_SITE above)
    expect(answers[0]).toBe('INVALID_CODE');
    expect(answers.at(-1)).toBe('RATE_LIMITED');
  });

  test('wrong passwords are RATE_LIMITED per address and account', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push(
        code(
          await s.gql(`mutation { login(email:"nobody@example.com", password:"wrong-password"){ token } }`),
        ),
      );
    expect(answers.slice(0, 4)).toEqual(Array(4).fill('UNAUTHENTICATED'));
    expect(answers.at(-1)).toBe('RATE_LIMITED');
  });
});
