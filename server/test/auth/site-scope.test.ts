import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import { collect, createSite, issue, login, ok, waitFor, type Fixture } from '../support/fixtures.js';

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const PASSWORD = 'a-long-password';

/**
 * Per-site rights: an OPERATOR (or an API key) limited to site A sees and acts on A only,
 * whatever path it takes; a change of a person's sites applies to its very next request.
 */
describe('site scope of people and API keys', () => {
  let s: TestServer;
  let a: Fixture;
  let b: Fixture;
  let c: Fixture;
  let admin: string;
  let operatorId: string;
  let operator: string;
  let key: string;
  let sessionA: string;
  let sessionB: string;
  let alertB: string;

  const raise = async (siteId: string, reason: string) =>
    ok(
      await s.gql<{ requestAssistance: { id: string } }>(
        `mutation($s:ID!,$r:String!){ requestAssistance(siteId:$s, reason:$r){ id } }`,
        { s: siteId, r: reason },
        admin,
      ),
    ).requestAssistance.id;

  beforeAll(async () => {
    s = await startTestServer();
    a = await createSite(s, { counts: { SMALL: 2 } });
    b = await createSite(s, { counts: { SMALL: 2 } });
    c = await createSite(s, { counts: { SMALL: 1 } });
    admin = a.adminToken;
    operatorId = ok(
      await s.gql<{ createUser: { id: string; siteIds: string[] | null } }>(
        `mutation($e:String!,$p:String!,$s:[ID!]){ createUser(email:$e,password:$p,role:OPERATOR,siteIds:$s){ id siteIds } }`,
        { e: 'op-a@example.com', p: PASSWORD, s: [a.siteId] },
        admin,
      ),
    ).createUser.id;
    operator = await login(s, 'op-a@example.com', PASSWORD);
    key = ok(
      await s.gql<{ createApiKey: { secret: string; siteIds: string[] | null } }>(
        `mutation($s:[ID!]){ createApiKey(name:"site A feed", scopes:["sites:read","sessions:read","alerts:read","reports:read","events:subscribe"], siteIds:$s){ secret siteIds } }`,
        { s: [a.siteId] },
        admin,
      ),
    ).createApiKey.secret;
    sessionA = (await issue(s, a)).session.id;
    sessionB = (await issue(s, b)).session.id;
    await raise(a.siteId, 'help at A');
    alertB = await raise(b.siteId, 'help at B');
  });
  afterAll(async () => {
    await s.stop();
  });

  test('the admin sees every person’s and key’s sites (a key’s creation audited); existing ones keep all sites', async () => {
    const users = ok(
      await s.gql<{ users: { email: string; siteIds: string[] | null }[] }>(
        `{ users { email siteIds } }`,
        {},
        admin,
      ),
    ).users;
    expect(users.find((u) => u.email === 'op-a@example.com')?.siteIds).toEqual([a.siteId]);
    expect(users.find((u) => u.email === 'admin@example.com')?.siteIds).toBeNull();
    const keys = ok(
      await s.gql<{ apiKeys: { siteIds: string[] | null }[] }>(`{ apiKeys { siteIds } }`, {}, admin),
    );
    expect(keys.apiKeys.map((k) => k.siteIds)).toEqual([[a.siteId]]);
    const created = ok(
      await s.gql<{ auditLog: { after: string }[] }>(
        `{ auditLog(action:"api-key.create"){ after } }`,
        {},
        admin,
      ),
    ).auditLog;
    expect(JSON.parse(created[0]!.after)).toMatchObject({ name: 'site A feed', siteIds: [a.siteId] });
  });

  for (const who of ['operator', 'key'] as const) {
    const token = () => (who === 'operator' ? operator : key);

    test(`${who} limited to A: the sites list, sessions and alerts hold A only`, async () => {
      const sites = ok(await s.gql<{ sites: { id: string }[] }>(`{ sites { id } }`, {}, token())).sites;
      expect(sites.map((x) => x.id)).toEqual([a.siteId]);
      const sessions = ok(
        await s.gql<{ sessions: { nodes: { id: string }[] } }>(`{ sessions { nodes { id } } }`, {}, token()),
      ).sessions.nodes.map((n) => n.id);
      expect(sessions).toContain(sessionA);
      expect(sessions).not.toContain(sessionB);
      const alerts = ok(
        await s.gql<{ alerts: { site: { id: string } }[] }>(`{ alerts { site { id } } }`, {}, token()),
      ).alerts;
      expect(alerts.length).toBeGreaterThan(0);
      expect(alerts.every((x) => x.site.id === a.siteId)).toBe(true);
    });

    test(`${who} limited to A: site B's session, alert, lists and report are refused`, async () => {
      expect(code(await s.gql(`query($id:ID!){ session(id:$id){ id } }`, { id: sessionB }, token()))).toBe(
        'FORBIDDEN',
      );
      expect(code(await s.gql(`query($id:ID!){ alert(alertId:$id){ id } }`, { id: alertB }, token()))).toBe(
        'NOT_FOUND',
      );
      expect(
        code(await s.gql(`query($s:ID!){ sessions(siteId:$s){ totalCount } }`, { s: b.siteId }, token())),
      ).toBe('FORBIDDEN');
      expect(code(await s.gql(`query($s:ID!){ alerts(siteId:$s){ id } }`, { s: b.siteId }, token()))).toBe(
        'FORBIDDEN',
      );
      const report = `query($s:ID){ usageReport(from:"2026-01-01T00:00:00Z", to:"2027-06-01T00:00:00Z", bucket:MONTH, siteId:$s){ siteId } }`;
      expect(code(await s.gql(report, { s: b.siteId }, token()))).toBe('FORBIDDEN');
      // without a site, the report is of the caller's one site, not of the whole network
      const own = ok(await s.gql<{ usageReport: { siteId: string | null } }>(report, { s: null }, token()));
      expect(own.usageReport.siteId).toBe(a.siteId);
      const csv = await fetch(`${s.url.replace('/graphql', '')}/exports/sessions.csv`, {
        headers: { authorization: `Bearer ${token()}` },
      });
      const text = await csv.text();
      expect(csv.status).toBe(200);
      expect(text).toContain(sessionA);
      expect(text).not.toContain(sessionB);
      const reportCsv = await fetch(
        `${s.url.replace('/graphql', '')}/reports/usage.csv?siteId=${b.siteId}&from=2026-01-01T00:00:00Z&to=2027-06-01T00:00:00Z`,
        { headers: { authorization: `Bearer ${token()}` } },
      );
      expect(reportCsv.status).toBe(403);
    });

    test(`${who} limited to A: the events of all sites carry A's only`, async () => {
      const client = s.ws(token());
      const sub = collect<{ alertRaised: { id: string; site: { id: string } } }>(
        client,
        `subscription { alertRaised { id site { id } } }`,
      );
      try {
        await new Promise((r) => setTimeout(r, 300));
        await raise(b.siteId, `live B for ${who}`);
        const seenA = await raise(a.siteId, `live A for ${who}`);
        await waitFor(() => sub.events.some((e) => e.alertRaised.id === seenA));
        expect(sub.errors).toEqual([]);
        expect(sub.events.map((e) => e.alertRaised.site.id)).toEqual([a.siteId]);
      } finally {
        sub.dispose();
        await client.dispose();
      }
    });
  }

  test('a viewer limited to A and B: lists, live events and reports hold those two, never C', async () => {
    ok(
      await s.gql(
        `mutation($s:[ID!]){ createUser(email:"viewer-ab@example.com",password:"${PASSWORD}",role:VIEWER,siteIds:$s){ id } }`,
        { s: [a.siteId, b.siteId] },
        admin,
      ),
    );
    const viewer = await login(s, 'viewer-ab@example.com', PASSWORD);
    const sites = ok(await s.gql<{ sites: { id: string }[] }>(`{ sites { id } }`, {}, viewer)).sites;
    expect(sites.map((x) => x.id).sort()).toEqual([a.siteId, b.siteId].sort());
    const sessionC = (await issue(s, c)).session.id;
    const sessions = ok(
      await s.gql<{ sessions: { nodes: { id: string }[] } }>(`{ sessions { nodes { id } } }`, {}, viewer),
    ).sessions.nodes.map((n) => n.id);
    expect(sessions).toEqual(expect.arrayContaining([sessionA, sessionB]));
    expect(sessions).not.toContain(sessionC);
    // a figure over several sites must name one of them: the network's total is not its to see
    const report = `query($s:ID){ usageReport(from:"2026-01-01T00:00:00Z", to:"2027-06-01T00:00:00Z", bucket:MONTH, siteId:$s){ siteId } }`;
    expect(code(await s.gql(report, { s: null }, viewer))).toBe('FORBIDDEN');
    expect(
      ok(await s.gql<{ usageReport: { siteId: string } }>(report, { s: b.siteId }, viewer)).usageReport
        .siteId,
    ).toBe(b.siteId);
    const client = s.ws(viewer);
    const sub = collect<{ alertRaised: { id: string; site: { id: string } } }>(
      client,
      `subscription { alertRaised { id site { id } } }`,
    );
    try {
      await new Promise((r) => setTimeout(r, 300));
      await raise(c.siteId, 'live C');
      await raise(a.siteId, 'live A');
      const last = await raise(b.siteId, 'live B');
      await waitFor(() => sub.events.some((e) => e.alertRaised.id === last));
      expect(sub.events.map((e) => e.alertRaised.site.id)).toEqual([a.siteId, b.siteId]);
    } finally {
      sub.dispose();
      await client.dispose();
    }
  });

  test('an operator limited to A cannot act on B: end a session, acknowledge an alert, open a door', async () => {
    const end = await s.gql(
      `mutation($id:ID!){ endSession(sessionId:$id, reason:"test"){ id } }`,
      { id: sessionB },
      operator,
    );
    expect(code(end)).toBe('FORBIDDEN');
    expect(
      code(await s.gql(`mutation($id:ID!){ acknowledgeAlert(alertId:$id){ id } }`, { id: alertB }, operator)),
    ).toBe('FORBIDDEN');
    const open = await s.gql(
      `mutation($c:ID!){ operatorOpenCompartment(compartmentId:$c, reason:"test"){ id } }`,
      { c: b.compartments[0]!.id },
      operator,
    );
    expect(code(open)).toBe('FORBIDDEN');
    expect(
      code(
        await s.gql(
          `mutation($c:ID!){ setCompartmentOutOfService(compartmentId:$c, outOfService:true){ id } }`,
          { c: b.compartments[0]!.id },
          operator,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  test('an alert of B is not offered to, nor given to, an operator limited to A', async () => {
    const offered = ok(
      await s.gql<{ alertAssignees: { id: string }[] }>(
        `query($s:ID!){ alertAssignees(siteId:$s){ id } }`,
        { s: b.siteId },
        admin,
      ),
    ).alertAssignees.map((x) => x.id);
    expect(offered).not.toContain(operatorId);
    const atA = ok(
      await s.gql<{ alertAssignees: { id: string }[] }>(
        `query($s:ID!){ alertAssignees(siteId:$s){ id } }`,
        { s: a.siteId },
        admin,
      ),
    ).alertAssignees.map((x) => x.id);
    expect(atA).toContain(operatorId);
    const given = await s.gql(
      `mutation($a:ID!,$u:ID){ assignAlert(alertId:$a, userId:$u){ id } }`,
      { a: alertB, u: operatorId },
      admin,
    );
    expect(given.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  });

  test('the audit log of an operator limited to A holds A’s entries; site edits are audited', async () => {
    ok(
      await s.gql(`mutation($id:ID!){ updateSite(id:$id, name:"Station A"){ id } }`, { id: a.siteId }, admin),
    );
    ok(
      await s.gql(`mutation($id:ID!){ updateSite(id:$id, name:"Station B"){ id } }`, { id: b.siteId }, admin),
    );
    const all = ok(
      await s.gql<{ auditLog: { siteId: string; before: string; after: string }[] }>(
        `{ auditLog(action:"site.update"){ siteId before after } }`,
        {},
        admin,
      ),
    ).auditLog;
    expect(all.map((e) => e.siteId).sort()).toEqual([a.siteId, b.siteId].sort());
    const edit = all.find((e) => e.siteId === a.siteId)!;
    expect(JSON.parse(edit.before)).toMatchObject({ name: 'Test Station' });
    expect(JSON.parse(edit.after)).toMatchObject({ name: 'Station A' });
    const seen = ok(
      await s.gql<{ auditLog: { siteId: string }[] }>(`{ auditLog(action:"site."){ siteId } }`, {}, operator),
    ).auditLog;
    expect(seen.map((e) => e.siteId)).toEqual([a.siteId]);
    expect(code(await s.gql(`query($s:ID!){ auditLog(siteId:$s){ id } }`, { s: b.siteId }, operator))).toBe(
      'FORBIDDEN',
    );
  });

  test('a change of a person’s sites applies to its next request, without signing in again; audited', async () => {
    const setSites = (siteIds: string[] | null) =>
      s.gql<{ setUserSites: { siteIds: string[] | null } }>(
        `mutation($u:ID!,$s:[ID!]){ setUserSites(userId:$u, siteIds:$s){ siteIds } }`,
        { u: operatorId, s: siteIds },
        admin,
      );
    const sitesOf = async () =>
      ok(await s.gql<{ sites: { id: string }[] }>(`{ sites { id } }`, {}, operator)).sites.map((x) => x.id);
    expect(await sitesOf()).toEqual([a.siteId]);
    expect(ok(await setSites([b.siteId])).setUserSites.siteIds).toEqual([b.siteId]);
    expect(await sitesOf()).toEqual([b.siteId]);
    expect(code(await s.gql(`query($id:ID!){ session(id:$id){ id } }`, { id: sessionA }, operator))).toBe(
      'FORBIDDEN',
    );
    ok(await setSites(null));
    expect((await sitesOf()).sort()).toEqual([a.siteId, b.siteId, c.siteId].sort());
    ok(await setSites([a.siteId]));
    const entries = ok(
      await s.gql<{ auditLog: { before: string; after: string }[] }>(
        `{ auditLog(action:"user.set-sites"){ before after } }`,
        {},
        admin,
      ),
    ).auditLog;
    expect(entries).toHaveLength(3);
    expect(JSON.parse(entries[2]!.before)).toMatchObject({ siteIds: [a.siteId] });
    expect(JSON.parse(entries[2]!.after)).toMatchObject({ siteIds: [b.siteId] });
    expect(JSON.parse(entries[1]!.after)).toMatchObject({ siteIds: null });
  });

  test('a change of sites reconnects the person’s live events, which then follow the new sites', async () => {
    const id = ok(
      await s.gql<{ createUser: { id: string } }>(
        `mutation($s:[ID!]){ createUser(email:"op-live@example.com",password:"${PASSWORD}",role:OPERATOR,siteIds:$s){ id } }`,
        { s: [a.siteId] },
        admin,
      ),
    ).createUser.id;
    const client = s.ws(await login(s, 'op-live@example.com', PASSWORD));
    const closes: number[] = [];
    client.on('closed', (e) => closes.push((e as { code: number }).code));
    const query = `subscription { alertRaised { site { id } } }`;
    const before = collect<{ alertRaised: { site: { id: string } } }>(client, query);
    await new Promise((r) => setTimeout(r, 300));
    ok(
      await s.gql(
        `mutation($u:ID!,$s:[ID!]){ setUserSites(userId:$u, siteIds:$s){ id } }`,
        { u: id, s: [b.siteId] },
        admin,
      ),
    );
    await waitFor(() => closes.length > 0);
    // not 4403 (signed out): a client reconnects with the same token (admin-web does so by itself)
    expect(closes[0]).toBe(4100);
    before.dispose();
    const after = collect<{ alertRaised: { site: { id: string } } }>(client, query);
    try {
      await new Promise((r) => setTimeout(r, 300));
      await raise(a.siteId, 'live A after the change');
      await raise(b.siteId, 'live B after the change');
      await waitFor(() => after.events.length > 0);
      await new Promise((r) => setTimeout(r, 100));
      expect(after.errors).toEqual([]);
      expect(after.events.map((e) => e.alertRaised.site.id)).toEqual([b.siteId]);
    } finally {
      after.dispose();
      await client.dispose();
    }
  });

  test('an ADMIN is all sites: it cannot be limited, nor can a limited account be made ADMIN', async () => {
    const created = await s.gql(
      `mutation($s:[ID!]){ createUser(email:"admin-a@example.com",password:"${PASSWORD}",role:ADMIN,siteIds:$s){ id } }`,
      { s: [a.siteId] },
      admin,
    );
    expect(code(created)).toBe('BAD_USER_INPUT');
    const me = ok(await s.gql<{ me: { id: string } }>(`{ me { id } }`, {}, admin)).me.id;
    const limited = await s.gql(
      `mutation($u:ID!,$s:[ID!]){ setUserSites(userId:$u, siteIds:$s){ id } }`,
      { u: me, s: [a.siteId] },
      admin,
    );
    expect(code(limited)).toBe('BAD_USER_INPUT');
    const promoted = await s.gql(
      `mutation($u:ID!){ updateUser(userId:$u, role:ADMIN){ id } }`,
      { u: operatorId },
      admin,
    );
    expect(code(promoted)).toBe('BAD_USER_INPUT');
  });

  test('only an ADMIN sets sites; a site that does not exist is refused', async () => {
    expect(
      code(
        await s.gql(
          `mutation($u:ID!,$s:[ID!]){ setUserSites(userId:$u, siteIds:$s){ id } }`,
          { u: operatorId, s: null },
          operator,
        ),
      ),
    ).toBe('FORBIDDEN');
    const unknown = await s.gql(
      `mutation($u:ID!,$s:[ID!]){ setUserSites(userId:$u, siteIds:$s){ id } }`,
      { u: operatorId, s: ['00000000-0000-4000-8000-000000000000'] },
      admin,
    );
    expect(code(unknown)).toBe('BAD_USER_INPUT');
    const empty = await s.gql(
      `mutation($u:ID!,$s:[ID!]){ setUserSites(userId:$u, siteIds:$s){ id } }`,
      { u: operatorId, s: [] },
      admin,
    );
    expect(code(empty)).toBe('BAD_USER_INPUT');
  });
});
