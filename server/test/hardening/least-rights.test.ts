import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import { createSite, heartbeat, issue, login, ok, SCAN, waitFor, type Fixture } from '../support/fixtures.js';

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const refused = (r: GqlResult) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(code(r) ?? '');
const FAKE = '00000000-0000-4000-8000-000000000000';

describe('least rights: each right in the table is refused to the next-lower holder', () => {
  let s: TestServer;
  let f: Fixture;
  const tokens: Record<string, string | undefined> = {};
  beforeAll(async () => {
    s = await startTestServer({ env: { GRAPHQL_INTROSPECTION: 'authenticated' } });
    f = await createSite(s, { counts: { SMALL: 3 }, prices: { SMALL: 500 } });
    for (const role of ['OPERATOR', 'VIEWER']) {
      const email = `${role.toLowerCase()}@example.com`;
      ok(
        await s.gql(
          `mutation($e:String!,$r:Role!){ createUser(email:$e,password:"a-long-password",role:$r){ id } }`,
          { e: email, r: role },
          f.adminToken,
        ),
      );
      tokens[role] = await login(s, email, 'a-long-password');
    }
    tokens.ADMIN = f.adminToken;
    tokens.KIOSK = f.kioskToken;
    tokens.GATEWAY = f.gatewayToken;
    tokens.ANONYMOUS = undefined;
    const key = async (scopes: string[]) =>
      ok(
        await s.gql<{ createApiKey: { secret: string } }>(
          `mutation($n:String!,$s:[String!]!){ createApiKey(name:$n,scopes:$s){ secret } }`,
          { n: scopes.join('+'), s: scopes },
          f.adminToken,
        ),
      ).createApiKey.secret;
    tokens.KEY_SESSIONS_WRITE = await key(['sessions:read', 'sessions:write']);
    tokens.KEY_SITES = await key(['sites:read']);
    tokens.KEY_NOTHING = await key(['alerts:read']);
  });
  afterAll(async () => {
    await s.stop();
  });

  // [right, operation, variables, lowest holder that may, next-lower holder that may not]
  const table: [string, string, () => Record<string, unknown>, string, string][] = [
    [
      'setup:write',
      `mutation { createSite(name:"x", timezone:"UTC"){ id } }`,
      () => ({}),
      'ADMIN',
      'OPERATOR',
    ],
    ['users:write', `{ users { id } }`, () => ({}), 'ADMIN', 'OPERATOR'],
    [
      'users:write',
      `mutation { setUserSites(userId:"${FAKE}", siteIds:null){ id } }`,
      () => ({}),
      'ADMIN',
      'OPERATOR',
    ],
    ['keys:write', `{ apiKeys { id } }`, () => ({}), 'ADMIN', 'OPERATOR'],
    ['integrations:write', `{ webhookEndpoints { id } }`, () => ({}), 'ADMIN', 'OPERATOR'],
    [
      'payments:refund',
      `mutation { refundPayment(paymentId:"${FAKE}", reason:"r", effect:WAIVE_FEE){ id } }`,
      () => ({}),
      'ADMIN',
      'OPERATOR',
    ],
    [
      'sessions:code',
      `mutation { regenerateAccessCode(sessionId:"${FAKE}", reason:"r"){ code { payload } } }`,
      () => ({}),
      'OPERATOR',
      'KEY_SESSIONS_WRITE',
    ],
    [
      'sessions:code',
      `mutation { sendNewAccessCode(sessionId:"${FAKE}", channel:EMAIL, reason:"r"){ sentTo } }`,
      () => ({}),
      'OPERATOR',
      'VIEWER',
    ],
    [
      'sessions:code',
      `mutation { sendNewAccessCode(sessionId:"${FAKE}", channel:SMS, reason:"r"){ sentTo } }`,
      () => ({}),
      'OPERATOR',
      'KEY_SESSIONS_WRITE',
    ],
    [
      'compartments:operate',
      `mutation($c:ID!){ operatorOpenCompartment(compartmentId:$c, reason:"r"){ id } }`,
      () => ({ c: f.compartments[0]!.id }),
      'OPERATOR',
      'VIEWER',
    ],
    [
      'alerts:write',
      `mutation { acknowledgeAlert(alertId:"${FAKE}"){ id } }`,
      () => ({}),
      'OPERATOR',
      'VIEWER',
    ],
    [
      'alerts:write',
      `mutation { addAlertNote(alertId:"${FAKE}", note:"n"){ id } }`,
      () => ({}),
      'OPERATOR',
      'VIEWER',
    ],
    [
      'alerts:write',
      `mutation { assignAlert(alertId:"${FAKE}", userId:null){ id } }`,
      () => ({}),
      'OPERATOR',
      'VIEWER',
    ],
    ['alerts:write', `mutation { resolveAlert(alertId:"${FAKE}"){ id } }`, () => ({}), 'OPERATOR', 'VIEWER'],
    [
      'sessions:write',
      `mutation { endSession(sessionId:"${FAKE}", reason:"r"){ id } }`,
      () => ({}),
      'KEY_SESSIONS_WRITE',
      'VIEWER',
    ],
    ['sessions:read', `{ sessions { totalCount } }`, () => ({}), 'VIEWER', 'KEY_SITES'],
    [
      'reports:read',
      `{ usageReport(from:"2026-01-01T00:00:00Z", to:"2026-01-02T00:00:00Z", bucket:DAY){ buckets { deposits } } }`,
      () => ({}),
      'VIEWER',
      'KEY_SITES',
    ],
    ['sites:read', `{ sites { id } }`, () => ({}), 'KEY_SITES', 'KEY_NOTHING'],
    ['depositor:act', SCAN, () => ({ s: f.siteId, p: 'LK1:nothing', i: 'RETRIEVE' }), 'KIOSK', 'GATEWAY'],
    ['gateway:act', `{ gatewayConfig { pulseMs } }`, () => ({}), 'GATEWAY', 'KIOSK'],
  ];

  test.each(table)(
    '%s: %s allowed to the holder, refused to the next-lower one',
    async (_right, query, vars, holder, lower) => {
      const allowed = await s.gql(query, vars(), tokens[holder]);
      expect(refused(allowed), `${holder}: ${JSON.stringify(allowed.errors)}`).toBe(false);
      const denied = await s.gql(query, vars(), tokens[lower]);
      expect(refused(denied), `${lower}: ${JSON.stringify(denied)}`).toBe(true);
    },
  );

  test('demo payment approval: the kiosk of the site and ADMIN, not an OPERATOR, not a caller without a credential', async () => {
    const issued = await issue(s, f);
    await heartbeat(s, f);
    expect(
      (
        await s.gql<{ scanAccessCode: { outcome: string } }>(
          SCAN,
          { s: f.siteId, p: issued.code.payload, i: 'RETRIEVE' },
          f.kioskToken,
        )
      ).data?.scanAccessCode.outcome,
    ).toBe('PAYMENT_REQUIRED');
    const pay = async () =>
      ok(
        await s.gql<{ createPayment: { id: string } }>(
          `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`,
          { id: issued.session.id },
          f.kioskToken,
        ),
      );
    const approve = (id: string, token?: string) =>
      s.gql<{ confirmDemoPayment: { status: string } }>(
        `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:APPROVE){ status } }`,
        { id },
        token,
      );
    const p = (await pay()).createPayment;
    expect(code(await approve(p.id, tokens.OPERATOR))).toBe('FORBIDDEN');
    expect(code(await approve(p.id, tokens.KEY_SESSIONS_WRITE))).toBe('FORBIDDEN');
    expect(code(await approve(p.id))).toBe('UNAUTHENTICATED');
    expect(ok(await approve(p.id, f.kioskToken)).confirmDemoPayment.status).toBe('CAPTURED');
    const other = await createSite(s, { counts: { SMALL: 1 } });
    const second = await issue(s, f);
    await heartbeat(s, f);
    await s.gql(SCAN, { s: f.siteId, p: second.code.payload, i: 'RETRIEVE' }, f.kioskToken);
    const p2 = ok(
      await s.gql<{ createPayment: { id: string } }>(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`,
        { id: second.session.id },
        f.kioskToken,
      ),
    ).createPayment;
    expect(code(await approve(p2.id, other.kioskToken))).toBe('FORBIDDEN');
    expect(ok(await approve(p2.id, f.adminToken)).confirmDemoPayment.status).toMatch(
      /CAPTURED|FAILED|DECLINED/,
    );
  });

  test('an access code alone reads its session, nothing of the infrastructure', async () => {
    const free = await createSite(s, { counts: { SMALL: 2 } });
    const issued = await issue(s, free);
    await heartbeat(s, free);
    expect(
      (
        await s.gql<{ scanAccessCode: { outcome: string } }>(
          SCAN,
          { s: free.siteId, p: issued.code.payload, i: 'RETRIEVE' },
          free.kioskToken,
        )
      ).data?.scanAccessCode.outcome,
    ).toBe('UNLOCKING_FOR_DEPOSIT');
    const r = await s.gql(
      `query($s:ID!,$p:String!){ sessionByAccessCode(siteId:$s,payload:$p){ id status site { name } compartment { label bank { modbusEndpoint gateway { id } compartments { status } } } } }`,
      { s: free.siteId, p: issued.code.payload },
    );
    expect(JSON.stringify(r)).not.toContain('tcp://');
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(r.errors?.every((e) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(e.extensions?.code ?? ''))).toBe(
      true,
    );
    const own = ok(
      await s.gql<{ sessionByAccessCode: { id: string; compartment: { label: string } } }>(
        `query($s:ID!,$p:String!){ sessionByAccessCode(siteId:$s,payload:$p){ id status site { name } compartment { label } } }`,
        { s: free.siteId, p: issued.code.payload },
      ),
    );
    expect(own.sessionByAccessCode.id).toBe(issued.session.id);
    expect(own.sessionByAccessCode.compartment.label).toMatch(/^A/);
  });

  test('introspection is refused to anonymous callers when GRAPHQL_INTROSPECTION=authenticated, over HTTP and WebSocket', async () => {
    const q = `{ __schema { queryType { name } } }`;
    expect(code(await s.gql(q))).toBe('UNAUTHENTICATED');
    expect(code(await s.gql(`query { ...F } fragment F on Query { __type(name:"Site"){ name } }`))).toBe(
      'UNAUTHENTICATED',
    );
    expect(ok(await s.gql(q, {}, tokens.VIEWER))).toMatchObject({
      __schema: { queryType: { name: 'Query' } },
    });
    expect(ok(await s.gql(`{ __typename }`))).toEqual({ __typename: 'Query' });
    const wsError = await new Promise<unknown>((resolve) => {
      s.ws().subscribe(
        { query: q },
        { next: (v) => resolve(v.errors ?? v), error: resolve, complete: () => resolve('complete') },
      );
    });
    expect(JSON.stringify(wsError)).toMatch(/UNAUTHENTICATED/);
  });
});

describe('webhook URLs to loopback, private and link-local addresses are refused, on resolution and at delivery', () => {
  let s: TestServer;
  let f: Fixture;
  let receiver: Server;
  let hits = 0;
  let port = 0;
  beforeAll(async () => {
    receiver = createServer((_req, res) => {
      hits++;
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    port = (receiver.address() as { port: number }).port;
    s = await startTestServer({
      background: true,
      env: { TIMER_INTERVAL_MS: '100', QUEUE_POLL_INTERVAL_MS: '500', DELIVERY_RETRY_LIMIT: '0' },
    });
    f = await createSite(s);
  });
  afterAll(async () => {
    await s.stop();
    await new Promise((r) => receiver.close(r));
  });

  test('registration: literal and resolved internal addresses are BAD_USER_INPUT on url', async () => {
    const create = (u: string) =>
      s.gql(
        `mutation($u:String!){ createWebhookEndpoint(url:$u, events:[FEEDBACK_SUBMITTED]){ endpoint { id } } }`,
        { u },
        f.adminToken,
      );
    for (const u of [
      `http://127.0.0.1:${port}/`,
      'http://localhost/',
      'http://10.1.2.3/',
      'http://192.168.0.10/',
      'http://172.20.0.1/',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://0.0.0.0/',
      'http://2130706433/',
    ]) {
      expect((await create(u)).errors?.[0]?.extensions, u).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'url',
      });
    }
  });

  test('delivery: an endpoint whose name resolves to loopback when delivering (as after DNS rebinding) is not called', async () => {
    const db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    try {
      for (const url of [`http://localhost:${port}/hook`, `http://127.0.0.1:${port}/hook`]) {
        await db.query(
          `insert into webhook_endpoint (id, url, events, secret_encrypted, created_at, created_by) values ($1, $2, '{feedback.submitted}', $3, now(), 'test')`,
          [randomUUID(), url, s.app.services.webhookSecrets.encrypt('whsec_test')],
        );
      }
      const issued = await issue(s, f);
      ok(
        await s.gql(`mutation($p:String!){ submitFeedback(payload:$p, rating:4) }`, {
          p: issued.code.payload,
        }),
      );
      const failed = await waitFor(async () => {
        const rows = (await db.query(`select status, last_error from webhook_delivery`)).rows as {
          status: string;
          last_error: string | null;
        }[];
        return rows.length === 2 && rows.every((r) => r.status === 'FAILED') ? rows : false;
      }, 20_000);
      expect(failed.map((r) => r.last_error)).toEqual([
        expect.stringMatching(/internal address/),
        expect.stringMatching(/internal address/),
      ]);
      expect(hits).toBe(0);
    } finally {
      await db.end();
    }
  });
});
