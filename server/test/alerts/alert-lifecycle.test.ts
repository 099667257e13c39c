import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import { createSite, login, ok, type Fixture } from '../support/fixtures.js';

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const PASSWORD = 'a-long-password';

interface Alert {
  id: string;
  status: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  history: { at: string; action: string; actorName: string; note: string | null }[];
}
const FIELDS = `id status acknowledgedAt acknowledgedBy assigneeId assigneeName resolvedAt resolvedBy
  history { at action actorName note }`;
const HELP = `mutation($s:ID!){ requestAssistance(siteId:$s, reason:"The door did not open"){ id } }`;

describe('alerts have a life: notes, an assignee, acknowledgement and resolution, each by a named person', () => {
  let s: TestServer;
  let f: Fixture;
  let operator: { id: string; token: string };
  let viewer: string;

  const raise = async () =>
    ok(await s.gql<{ requestAssistance: { id: string } }>(HELP, { s: f.siteId }, f.kioskToken))
      .requestAssistance.id;
  const read = async (id: string, token = f.adminToken) =>
    ok(await s.gql<{ alert: Alert }>(`query($id:ID!){ alert(alertId:$id){ ${FIELDS} } }`, { id }, token))
      .alert;

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 1 } });
    const make = async (email: string, role: string, name: string) => {
      const id = ok(
        await s.gql<{ createUser: { id: string } }>(
          `mutation($e:String!,$r:Role!){ createUser(email:$e,password:"${PASSWORD}",role:$r){ id } }`,
          { e: email, r: role },
          f.adminToken,
        ),
      ).createUser.id;
      ok(
        await s.gql(
          `mutation($id:ID!,$n:String!){ updateUser(userId:$id, name:$n){ id } }`,
          { id, n: name },
          f.adminToken,
        ),
      );
      return { id, token: await login(s, email, PASSWORD) };
    };
    operator = await make('olga@example.com', 'OPERATOR', 'Olga Operator');
    viewer = (await make('vic@example.com', 'VIEWER', 'Vic Viewer')).token;
  });
  afterAll(async () => {
    await s.stop();
  });

  test('an open alert is noted, assigned, acknowledged and resolved; its history names each person', async () => {
    const id = await raise();
    expect((await read(id)).status).toBe('OPEN');

    const assignees = ok(
      await s.gql<{ alertAssignees: { id: string; name: string }[] }>(
        `query($s:ID!){ alertAssignees(siteId:$s){ id name } }`,
        { s: f.siteId },
        operator.token,
      ),
    ).alertAssignees;
    expect(assignees.map((a) => a.name)).toContain('Olga Operator <olga@example.com>');
    expect(assignees.map((a) => a.name).join()).not.toContain('vic@example.com');

    const assigned = ok(
      await s.gql<{ assignAlert: Alert }>(
        `mutation($id:ID!,$u:ID){ assignAlert(alertId:$id, userId:$u){ ${FIELDS} } }`,
        { id, u: operator.id },
        f.adminToken,
      ),
    ).assignAlert;
    expect(assigned.assigneeId).toBe(operator.id);
    expect(assigned.assigneeName).toBe('Olga Operator <olga@example.com>');

    ok(
      await s.gql(
        `mutation($id:ID!){ addAlertNote(alertId:$id, note:"  Called the customer, on my way  "){ id } }`,
        { id },
        operator.token,
      ),
    );
    ok(await s.gql(`mutation($id:ID!){ acknowledgeAlert(alertId:$id){ id } }`, { id }, operator.token));
    expect((await read(id)).status).toBe('ACKNOWLEDGED');

    const resolved = ok(
      await s.gql<{ resolveAlert: Alert }>(
        `mutation($id:ID!){ resolveAlert(alertId:$id, note:"Door opened by hand, bag handed over"){ ${FIELDS} } }`,
        { id },
        operator.token,
      ),
    ).resolveAlert;
    expect(resolved.status).toBe('RESOLVED');
    expect(resolved.resolvedBy).toBe('Olga Operator <olga@example.com>');
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.history.map((h) => h.action)).toEqual([
      'RAISED',
      'ASSIGNED',
      'NOTE',
      'ACKNOWLEDGED',
      'RESOLVED',
    ]);
    expect(resolved.history[1]).toMatchObject({
      actorName: expect.stringContaining('admin@example.com'),
      note: 'Olga Operator <olga@example.com>',
    });
    expect(resolved.history[2]).toMatchObject({
      actorName: 'Olga Operator <olga@example.com>',
      note: 'Called the customer, on my way',
    });
    expect(resolved.history[4]).toMatchObject({ note: 'Door opened by hand, bag handed over' });
    // Times to the second or finer, in order.
    const times = resolved.history.map((h) => Date.parse(h.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // Resolved is final: no more notes or assignment, resolving again keeps the first.
    expect(
      code(
        await s.gql(`mutation($id:ID!){ addAlertNote(alertId:$id, note:"x"){ id } }`, { id }, f.adminToken),
      ),
    ).toBe('CONFLICT');
    const again = ok(
      await s.gql<{ resolveAlert: Alert }>(
        `mutation($id:ID!){ resolveAlert(alertId:$id){ ${FIELDS} } }`,
        { id },
        f.adminToken,
      ),
    ).resolveAlert;
    expect(again.resolvedBy).toBe('Olga Operator <olga@example.com>');
  });

  test('resolving an unacknowledged alert acknowledges it too; filters by status', async () => {
    const id = await raise();
    const r = ok(
      await s.gql<{ resolveAlert: Alert }>(
        `mutation($id:ID!){ resolveAlert(alertId:$id){ ${FIELDS} } }`,
        { id },
        operator.token,
      ),
    ).resolveAlert;
    expect(r.acknowledgedBy).toBe('Olga Operator <olga@example.com>');
    expect(r.history.map((h) => h.action)).toEqual(['RAISED', 'RESOLVED']);
    const list = async (status: string) =>
      ok(
        await s.gql<{ alerts: { id: string }[] }>(
          `query($s:ID!,$st:AlertStatus){ alerts(siteId:$s, status:$st){ id } }`,
          { s: f.siteId, st: status },
          f.adminToken,
        ),
      ).alerts.map((a) => a.id);
    expect(await list('RESOLVED')).toContain(id);
    expect(await list('OPEN')).not.toContain(id);
    // Acknowledged ones are still there: history, not gone.
    expect((await list('RESOLVED')).length).toBe(2);
  });

  test('bad input and least rights', async () => {
    const id = await raise();
    const note = (n: string, token: string) =>
      s.gql(`mutation($id:ID!,$n:String!){ addAlertNote(alertId:$id, note:$n){ id } }`, { id, n }, token);
    expect(code(await note('   ', f.adminToken))).toBe('BAD_USER_INPUT');
    expect(code(await note('x'.repeat(1001), f.adminToken))).toBe('BAD_USER_INPUT');
    expect(code(await note('hello', viewer))).toBe('FORBIDDEN');
    const assign = (u: string | null, token: string) =>
      s.gql(`mutation($id:ID!,$u:ID){ assignAlert(alertId:$id, userId:$u){ id } }`, { id, u }, token);
    const viewerId = ok(await s.gql<{ me: { id: string } }>(`{ me { id } }`, {}, viewer)).me.id;
    expect(code(await assign(viewerId, f.adminToken))).toBe('BAD_USER_INPUT');
    expect(code(await assign(operator.id, viewer))).toBe('FORBIDDEN');
    expect(code(await s.gql(`mutation($id:ID!){ resolveAlert(alertId:$id){ id } }`, { id }, viewer))).toBe(
      'FORBIDDEN',
    );
    expect(
      code(await s.gql(`query($s:ID!){ alertAssignees(siteId:$s){ id } }`, { s: f.siteId }, viewer)),
    ).toBe('FORBIDDEN');
    // Unassigning is a change of its own in the history.
    ok(await assign(operator.id, f.adminToken));
    const a = ok(
      await s.gql<{ assignAlert: Alert }>(
        `mutation($id:ID!){ assignAlert(alertId:$id, userId:null){ ${FIELDS} } }`,
        { id },
        f.adminToken,
      ),
    ).assignAlert;
    expect(a.assigneeId).toBeNull();
    expect(a.history.map((h) => h.action)).toEqual(['RAISED', 'ASSIGNED', 'UNASSIGNED']);
  });
});
