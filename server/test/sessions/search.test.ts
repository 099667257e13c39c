import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  collect,
  createSite,
  door,
  issue,
  login,
  ok,
  scan,
  waitFor,
  type Fixture,
} from '../support/fixtures.js';

const SEARCH = `query($s:ID,$l:String,$c:String,$from:DateTime,$to:DateTime,$first:Int,$after:String){
  sessions(siteId:$s, compartmentLabel:$l, contact:$c, createdFrom:$from, createdTo:$to, first:$first, after:$after){
    totalCount nodes { id contactEmail compartment { label } } pageInfo { endCursor hasNextPage } } }`;

describe('staff search sessions by compartment, contact and date, page by page', () => {
  let s: TestServer;
  let f: Fixture;
  const ids: string[] = [];
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 3 } });
    for (const email of ['anna@example.com', 'bert@example.com', 'anna.b@example.org']) {
      const issued = await issue(s, f, 'SMALL', { email });
      ids.push(issued.session.id);
    }
    const first = await issue(s, f, 'SMALL', { phone: '+49 30 1234567' });
    ids.push(first.session.id);
    const r = await scan(s, f, first.code.payload);
    await door(s, f, r.compartment!.id, 'OPEN');
    await door(s, f, r.compartment!.id, 'CLOSED');
  });
  afterAll(() => s.stop());

  test('by contact (e-mail part or phone digits) and by compartment label', async () => {
    const anna = ok(await s.gql<any>(SEARCH, { s: f.siteId, c: 'anna' }, f.adminToken)).sessions;
    expect(anna.totalCount).toBe(2);
    expect(anna.nodes.map((n: any) => n.contactEmail).sort()).toEqual([
      'anna.b@example.org',
      'anna@example.com',
    ]);
    const phone = ok(await s.gql<any>(SEARCH, { s: f.siteId, c: '1234567' }, f.adminToken)).sessions;
    expect(phone.nodes.map((n: any) => n.id)).toEqual([ids[3]]);
    const label = phone.nodes[0].compartment.label;
    const byLabel = ok(
      await s.gql<any>(SEARCH, { s: f.siteId, l: label.toLowerCase() }, f.adminToken),
    ).sessions;
    expect(byLabel.nodes.map((n: any) => n.id)).toEqual([ids[3]]);
    expect((await s.gql(SEARCH, { c: '%' }, f.adminToken)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'contact',
    });
  });

  test('by creation date, and pages that neither repeat nor skip', async () => {
    const future = ok(
      await s.gql<any>(
        SEARCH,
        { s: f.siteId, from: new Date(Date.now() + 60_000).toISOString() },
        f.adminToken,
      ),
    ).sessions;
    expect(future.totalCount).toBe(0);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = ok(await s.gql<any>(SEARCH, { s: f.siteId, first: 3, after }, f.adminToken)).sessions;
      seen.push(...page.nodes.map((n: any) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual([...ids].sort());
  });

  test('an API key cannot search by contact; only an ADMIN sees relay addressing', async () => {
    ok(
      await s.gql(
        `mutation { createUser(email:"v@example.com", password:"viewer-password", role:VIEWER){ id } }`,
        {},
        f.adminToken,
      ),
    );
    const viewer = await login(s, 'v@example.com', 'viewer-password');
    expect((await s.gql(SEARCH, { c: 'anna' }, viewer)).errors).toBeUndefined(); // people, whatever the role
    const key = ok(
      await s.gql<any>(
        `mutation { createApiKey(name:"crm", scopes:["sessions:read"]){ secret } }`,
        {},
        f.adminToken,
      ),
    ).createApiKey.secret;
    expect((await s.gql(SEARCH, { c: 'anna' }, key)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const q = `query($s:ID!){ site(id:$s){ compartments { modbus { endpoint unitId coil doorInput } } } }`;
    const admin = ok(await s.gql<any>(q, { s: f.siteId }, f.adminToken)).site.compartments[0].modbus;
    expect(admin).toEqual({ endpoint: 'tcp://127.0.0.1:5020', unitId: 1, coil: 0, doorInput: 0 });
    expect(ok(await s.gql<any>(q, { s: f.siteId }, viewer)).site.compartments[0].modbus).toBeNull();
    expect(ok(await s.gql<any>(q, { s: f.siteId }, f.kioskToken)).site.compartments[0].modbus).toBeNull();
  });

  test('dashboards hear when a gateway connects and disconnects', async () => {
    const updates = collect<{ gatewayUpdated: { online: boolean } }>(
      s.ws(f.adminToken),
      `subscription($s:ID){ gatewayUpdated(siteId:$s){ online } }`,
      { s: f.siteId },
    );
    await new Promise((r) => setTimeout(r, 100));
    const gateway = s.ws(f.gatewayToken);
    collect(gateway, `subscription { gatewayCommands { id } }`);
    await waitFor(() => updates.events.some((e) => e.gatewayUpdated.online));
    await gateway.dispose();
    await s.app.tick(); // still present: nothing to announce yet
    await new Promise((r) => setTimeout(r, 10_500)); // its presence expires
    await s.app.tick();
    await waitFor(() => updates.events.at(-1)?.gatewayUpdated.online === false);
  });
});
