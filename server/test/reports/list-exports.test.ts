import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, issue, login, ok, type Fixture } from '../support/fixtures.js';

const PASSWORD = 'a-long-password-1';

describe('the sessions list and the audit log as CSV, with their filters and rights', () => {
  let s: TestServer;
  let f: Fixture;
  let other: Fixture;
  const get = (path: string, query: Record<string, string>, token?: string) =>
    fetch(`${s.url.replace('/graphql', '')}/exports/${path}?${new URLSearchParams(query).toString()}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const lines = async (r: Response) => {
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    return (await r.text()).trim().split('\r\n');
  };
  const account = async (email: string, role: string) => {
    ok(
      await s.gql(
        `mutation($e:String!,$r:Role!){ createUser(email:$e,password:"${PASSWORD}",role:$r){ id } }`,
        { e: email, r: role },
        f.adminToken,
      ),
    );
    return login(s, email, PASSWORD);
  };

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 3 } });
    other = await createSite(s, { counts: { SMALL: 1 } });
    // A site name a spreadsheet would run as a formula.
    ok(
      await s.gql(
        `mutation($id:ID!){ updateSite(id:$id, name:"=HYPERLINK(\\"http://x\\")"){ id } }`,
        { id: f.siteId },
        f.adminToken,
      ),
    );
    const bank = ok(
      await s.gql<{ site: { banks: { id: string }[] } }>(
        `query($s:ID!){ site(id:$s){ banks { id } } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).site.banks[0]!.id;
    ok(
      await s.gql(
        `mutation($b:ID!){ updateLockerBank(bankId:$b, label:"@SUM(1)"){ id } }`,
        { b: bank },
        f.adminToken,
      ),
    );
    await issue(s, f, 'SMALL', { email: 'anna@example.com' });
    await issue(s, f, 'SMALL', { email: 'bert@example.com' });
    await issue(s, other, 'SMALL', { email: 'anna@example.org' });
  });
  afterAll(() => s.stop());

  test('sessions: the list’s filters apply, cells cannot run as formulas', async () => {
    const all = await lines(await get('sessions.csv', {}, f.adminToken));
    expect(all[0]).toBe(
      'id,site_id,site,size,status,compartment,created_at,deposited_at,due_at,retrieved_at,ended_at,currency,price_major_units,paid_major_units',
    );
    expect(all).toHaveLength(4);
    const anna = await lines(await get('sessions.csv', { siteId: f.siteId, contact: 'anna' }, f.adminToken));
    expect(anna).toHaveLength(2);
    expect(anna[1]).toContain(`,${f.siteId},"'=HYPERLINK(""http://x"")",SMALL,CREATED,`);
    const annaEverywhere = await lines(await get('sessions.csv', { contact: 'anna' }, f.adminToken));
    expect(annaEverywhere).toHaveLength(3);
    expect(await lines(await get('sessions.csv', { status: 'COMPLETED' }, f.adminToken))).toHaveLength(1);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect(await lines(await get('sessions.csv', { createdFrom: future }, f.adminToken))).toHaveLength(1);
    const bad = await get('sessions.csv', { status: 'LOST' }, f.adminToken);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'status' } });
    expect((await get('sessions.csv', { overdue: 'maybe' }, f.adminToken)).status).toBe(400);
  });

  test('sessions: a VIEWER may export what it may list; a device, a key by contact and nobody may not', async () => {
    const viewer = await account('vera@example.com', 'VIEWER');
    expect(await lines(await get('sessions.csv', { siteId: f.siteId }, viewer))).toHaveLength(3);
    expect((await get('sessions.csv', {})).status).toBe(401);
    expect((await get('sessions.csv', {}, f.kioskToken)).status).toBe(403);
    const key = ok(
      await s.gql<{ createApiKey: { secret: string } }>(
        `mutation { createApiKey(name:"bi", scopes:["sessions:read"]){ secret } }`,
        {},
        f.adminToken,
      ),
    ).createApiKey.secret;
    expect(await lines(await get('sessions.csv', {}, key))).toHaveLength(4);
    expect((await get('sessions.csv', { contact: 'anna' }, key)).status).toBe(403);
  });

  test('audit: filters apply, OPERATOR gets its sites’ entries only, VIEWER and devices are refused', async () => {
    const operator = await account('otto@example.com', 'OPERATOR');
    const viewer = await login(s, 'vera@example.com', PASSWORD);
    const admin = await lines(await get('audit.csv', { action: 'user.' }, f.adminToken));
    expect(admin[0]).toBe(
      'id,at,at_site_time,site_id,actor_kind,actor,action,subject_type,subject_id,summary,before,after',
    );
    expect(admin.length).toBeGreaterThan(1);
    expect(admin.slice(1).every((l) => l.split(',')[6]!.startsWith('user.'))).toBe(true);
    const renamed = await lines(await get('audit.csv', { siteId: f.siteId, action: 'bank.' }, f.adminToken));
    expect(renamed).toHaveLength(2);
    // Times in the site's zone to the second, before and after of the change.
    expect(renamed[1]).toMatch(/,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(Europe\/Berlin\),/);
    expect(renamed[1]).toContain('bank.update');
    expect(renamed[1]).toContain('@SUM(1)');
    expect(await lines(await get('audit.csv', { action: 'user.' }, operator))).toHaveLength(1);
    expect((await lines(await get('audit.csv', { siteId: f.siteId }, operator))).length).toBeGreaterThan(1);
    expect((await get('audit.csv', {}, viewer)).status).toBe(403);
    expect((await get('audit.csv', {}, f.kioskToken)).status).toBe(403);
    expect((await get('audit.csv', { action: "x'; --" }, f.adminToken)).status).toBe(400);
    expect((await get('audit.csv', { actorKind: 'robot' }, f.adminToken)).status).toBe(400);
  });
});
