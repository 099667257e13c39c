import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import { createSite, keepPresent, login, ok, type Fixture } from '../support/fixtures.js';

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const PASSWORD = 'a-long-password';

interface Entry {
  at: string;
  siteId: string | null;
  actorKind: string;
  actorName: string;
  action: string;
  subjectId: string | null;
  summary: string;
  before: string | null;
  after: string | null;
}
const LOG = `query($site:ID,$kind:AuditActorKind,$actor:String,$action:String,$from:DateTime,$after:ID,$first:Int){
  auditLog(siteId:$site, actorKind:$kind, actor:$actor, action:$action, from:$from, after:$after, first:$first){
    id at siteId actorKind actorName action subjectId summary before after } }`;

describe('the audit log names who changed what, to the second', () => {
  let s: TestServer;
  let f: Fixture;
  let admin: string;
  let start: Date;
  const log = async (vars: Record<string, unknown>, token = admin) =>
    ok(await s.gql<{ auditLog: (Entry & { id: string })[] }>(LOG, vars, token)).auditLog;

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 2 } });
    admin = await login(s);
    const me = ok(await s.gql<{ me: { id: string } }>(`{ me { id } }`, {}, admin)).me;
    ok(
      await s.gql(
        `mutation($id:ID!){ updateUser(userId:$id, name:"Ada Admin"){ id } }`,
        { id: me.id },
        admin,
      ),
    );
    start = new Date(Date.now() - 1000);
  });
  afterAll(async () => {
    await s.stop();
  });

  async function operator(email: string) {
    const id = ok(
      await s.gql<{ createUser: { id: string } }>(
        `mutation($e:String!){ createUser(email:$e,password:"${PASSWORD}",role:OPERATOR){ id } }`,
        { e: email },
        admin,
      ),
    ).createUser.id;
    return { id, token: await login(s, email, PASSWORD) };
  }

  test('an account deactivated by an ADMIN: the person by name and e-mail, the second, before and after', async () => {
    const op = await operator('olga@example.com');
    ok(await s.gql(`mutation($id:ID!){ deactivateUser(userId:$id){ id } }`, { id: op.id }, admin));
    const entries = await log({ action: 'user.', from: start.toISOString() });
    const [deactivated, created] = entries;
    expect(deactivated).toMatchObject({
      actorKind: 'USER',
      actorName: 'Ada Admin <admin@example.com>',
      action: 'user.deactivate',
      subjectId: op.id,
      summary: 'Deactivated olga@example.com',
      siteId: null,
    });
    expect(JSON.parse(deactivated!.before!)).toMatchObject({ active: true, role: 'OPERATOR' });
    expect(JSON.parse(deactivated!.after!)).toMatchObject({ active: false });
    expect(JSON.stringify(entries)).not.toContain('passwordHash');
    expect(created).toMatchObject({ action: 'user.create', actorName: 'Ada Admin <admin@example.com>' });
    const at = new Date(deactivated!.at);
    expect(at.getTime()).toBeGreaterThanOrEqual(start.getTime());
    expect(at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(deactivated!.at).toMatch(/T\d\d:\d\d:\d\d/); // to the second at least
  });

  test('a remote open, a retirement and a token rotation at a site, found by actor, action and site', async () => {
    const kioskId = ok(
      await s.gql<{ site: { kiosks: { id: string }[] } }>(
        `query($s:ID!){ site(id:$s){ kiosks { id } } }`,
        { s: f.siteId },
        admin,
      ),
    ).site.kiosks[0]!.id;
    ok(
      await s.gql(
        `mutation($d:ID!){ rotateDeviceToken(deviceId:$d, graceSeconds:0){ id } }`,
        { d: kioskId },
        admin,
      ),
    );
    const [c1, c2] = f.compartments;
    ok(await s.gql(`mutation($c:ID!){ retireCompartment(compartmentId:$c){ id } }`, { c: c1!.id }, admin));
    const stop = await keepPresent(s, f);
    try {
      ok(
        await s.gql(
          `mutation($c:ID!){ operatorOpenCompartment(compartmentId:$c, reason:"bag check"){ id } }`,
          { c: c2!.id },
          admin,
        ),
      );
    } finally {
      stop();
    }
    expect((await log({ action: 'compartment.remote-open' }))[0]).toMatchObject({
      actorName: 'Ada Admin <admin@example.com>',
      subjectId: c2!.id,
      summary: `Opened compartment ${c2!.label} remotely: bag check`,
    });

    const atSite = await log({ site: f.siteId });
    expect(atSite.map((e) => e.action)).toEqual(
      expect.arrayContaining(['compartment.retire', 'device.rotate-token']),
    );
    expect(atSite.every((e) => e.siteId === f.siteId)).toBe(true);
    expect(atSite.find((e) => e.action === 'device.rotate-token')!.summary).toBe(
      'Rotated the token of kiosk k1; the old one stopped',
    );
    expect((await log({ actor: 'ADA ADMIN', action: 'compartment.' })).map((e) => e.action)).toContain(
      'compartment.retire',
    );
    expect(await log({ actor: 'nobody-by-this-name' })).toEqual([]);
    expect(await log({ kind: 'KIOSK' })).toEqual([]);
    // pages: newest first, the next page after the last id
    const [first, ...rest] = await log({ first: 2 });
    const next = await log({ first: 2, after: rest[0]!.id });
    expect(next.every((e) => Number(e.id) < Number(first!.id))).toBe(true);
  });

  test('an acknowledged alert names the person, and the acknowledgement is logged at its site', async () => {
    const raised = ok(
      await s.gql<{ requestAssistance: { id: string } }>(
        `mutation($s:ID!){ requestAssistance(siteId:$s, reason:"door will not open"){ id } }`,
        { s: f.siteId },
        await kioskToken(),
      ),
    ).requestAssistance;
    const acked = ok(
      await s.gql<{ acknowledgeAlert: { acknowledgedBy: string } }>(
        `mutation($a:ID!){ acknowledgeAlert(alertId:$a){ acknowledgedBy } }`,
        { a: raised.id },
        admin,
      ),
    ).acknowledgeAlert;
    expect(acked.acknowledgedBy).toBe('Ada Admin <admin@example.com>');
    expect((await log({ action: 'alert.acknowledge', site: f.siteId }))[0]).toMatchObject({
      subjectId: raised.id,
      actorName: 'Ada Admin <admin@example.com>',
    });
  });

  test('a session’s history names the kiosk that issued it, not its id', async () => {
    const token = await kioskToken();
    const issued = ok(
      await s.gql<{ issueAccessCode: { session: { id: string } } }>(
        `mutation($s:ID!){ issueAccessCode(siteId:$s,size:SMALL){ session { id } } }`,
        { s: f.siteId },
        token,
      ),
    ).issueAccessCode;
    const history = ok(
      await s.gql<{ session: { history: { actor: string }[] } }>(
        `query($id:ID!){ session(id:$id){ history { actor } } }`,
        { id: issued.session.id },
        admin,
      ),
    ).session.history;
    expect(history[0]!.actor).toBe('kiosk k1');
    expect(JSON.stringify(history)).not.toMatch(/kiosk:[0-9a-f-]{36}/);
  });

  test('OPERATOR sees its sites’ entries but not the accounts’; VIEWER and bad input are refused', async () => {
    const op = await operator('otto@example.com');
    const seen = await log({}, op.token);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((e) => e.action.startsWith('user.'))).toBe(false);
    ok(
      await s.gql(
        `mutation($e:String!){ createUser(email:$e,password:"${PASSWORD}",role:VIEWER){ id } }`,
        { e: 'vera@example.com' },
        admin,
      ),
    );
    const viewer = await login(s, 'vera@example.com', PASSWORD);
    expect(code(await s.gql(LOG, {}, viewer))).toBe('FORBIDDEN');
    expect(code(await s.gql(LOG, {}, await kioskToken()))).toBe('FORBIDDEN');
    expect(code(await s.gql(LOG, { first: 0 }, admin))).toBe('BAD_USER_INPUT');
    expect(code(await s.gql(LOG, { action: "x'; drop table audit_entry; --" }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await s.gql(LOG, { after: 'abc' }, admin))).toBe('BAD_USER_INPUT');
  });

  /** The kiosk's token (the first one was rotated away above, so a new kiosk when needed). */
  let currentKiosk: string | null = null;
  async function kioskToken(): Promise<string> {
    if (currentKiosk) return currentKiosk;
    currentKiosk = ok(
      await s.gql<{ registerKiosk: { token: string } }>(
        `mutation($s:ID!){ registerKiosk(siteId:$s,name:"k1"){ token } }`,
        { s: f.siteId },
        admin,
      ),
    ).registerKiosk.token;
    return currentKiosk;
  }
});
