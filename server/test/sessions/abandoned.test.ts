import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, login, ok, scan, type Fixture } from '../support/fixtures.js';
import { ManualClock } from '../../src/shared/clock.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const SESSION = `query($id:ID!){ session(id:$id){ status amountDue { amount } compartment { id }
  abandonment { abandonedAt removedAt removedBy removedTo lostPropertyRef removedFromCompartmentId claimedAt claimedBy disposedAt disposedBy disposalMethod }
  history { from to actor reason } } }`;
const REMOVE = `mutation($id:ID!,$to:String!,$ref:String!){ recordBagRemoval(sessionId:$id, removedTo:$to, lostPropertyRef:$ref){ status } }`;
const CLAIM = `mutation($id:ID!,$p:String,$r:String){ recordBagClaim(sessionId:$id, payload:$p, reason:$r){ status } }`;
const DISPOSE = `mutation($id:ID!,$m:String!){ recordBagDisposal(sessionId:$id, method:$m){ status } }`;

interface SessionRead {
  status: string;
  amountDue: { amount: number };
  compartment: { id: string } | null;
  abandonment: Record<string, string | null> | null;
  history: { from: string | null; to: string; actor: string; reason: string | null }[];
}

describe('abandoned bags: marked by the clock, removed, claimed back or disposed of', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  let viewer: string;
  let operator: string;
  const clock = new ManualClock(new Date('2026-05-04T08:00:00Z'));
  const start = clock.now();
  const read = async (id: string) =>
    ok(await s.gql<{ session: SessionRead }>(SESSION, { id }, f.adminToken)).session;
  const tick = async () => {
    await s.app.tick();
    await s.app.tick();
  };
  const deposit = async (contact?: { email?: string; phone?: string }) => {
    const issued = await issue(s, f, 'SMALL', contact);
    const r = await scan(s, f, issued.code.payload);
    expect(r.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    await door(s, f, r.compartment!.id, 'OPEN', clock.now());
    await door(s, f, r.compartment!.id, 'CLOSED', clock.now());
    return { id: issued.session.id, code: issued.code.payload, compartmentId: r.compartment!.id };
  };
  const errorCode = (r: { errors?: unknown[] }) =>
    (r.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;

  let a: Awaited<ReturnType<typeof deposit>>;
  let b: Awaited<ReturnType<typeof deposit>>;

  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, {
      counts: { SMALL: 3 },
      tariff: { includedMinutes: 60, overduePerHour: 100, graceMinutes: 0, securityAlertAfterMinutes: 60 },
    });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    for (const [email, role] of [
      ['viewer@example.com', 'VIEWER'],
      ['operator@example.com', 'OPERATOR'],
    ] as const) {
      ok(
        await s.gql(
          `mutation($e:String!,$r:Role!){ createUser(email:$e, password:"a-long-password", role:$r){ id } }`,
          { e: email, r: role },
          f.adminToken,
        ),
      );
    }
    viewer = await login(s, 'viewer@example.com', 'a-long-password');
    operator = await login(s, 'operator@example.com', 'a-long-password');
    // the retention is a site setting, edited with the others
    const site = ok(
      await s.gql<{ updateSite: { abandonAfterDays: number } }>(
        `mutation($id:ID!){ updateSite(id:$id, abandonAfterDays:2){ abandonAfterDays } }`,
        { id: f.siteId },
        f.adminToken,
      ),
    );
    expect(site.updateSite.abandonAfterDays).toBe(2);
    expect(
      errorCode(
        await s.gql(
          `mutation($id:ID!){ updateSite(id:$id, abandonAfterDays:0){ id } }`,
          { id: f.siteId },
          f.adminToken,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    a = await deposit({ email: 'gone@example.com' });
    b = await deposit({ phone: '+491701234567' });
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('marked abandoned only past the retention, with one alert and one message to the depositor', async () => {
    clock.advance(60 * MIN + 2 * DAY - MIN); // one minute short: overdue, not abandoned
    await tick();
    expect((await read(a.id)).abandonment).toBeNull();
    clock.advance(2 * MIN);
    await tick();
    await tick();
    const read_ = await read(a.id);
    expect(read_.status).toBe('STORED');
    expect(new Date(read_.abandonment!.abandonedAt!).getTime()).toBe(clock.now().getTime());
    expect(read_.history.at(-1)).toMatchObject({
      from: 'STORED',
      to: 'STORED',
      actor: 'system:timer',
      reason: expect.stringContaining('abandoned'),
    });
    const alerts = (
      await db.query(`select session_id from alert where type = 'ABANDONED' order by session_id`)
    ).rows.map((r) => r.session_id);
    expect(alerts.sort()).toEqual([a.id, b.id].sort());
    const messages = (
      await db.query(
        `select recipient, channel from notification where dedupe_key like 'abandoned:%' order by recipient`,
      )
    ).rows;
    expect(messages.map((m) => m.recipient)).toEqual(['+491701234567', 'gone@example.com']);
    // the board shows it
    const board = ok(
      await s.gql<{ alerts: { type: string; session: { id: string } | null }[] }>(
        `query($s:ID!){ alerts(siteId:$s){ type session { id } } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    );
    expect(board.alerts.filter((x) => x.type === 'ABANDONED')).toHaveLength(2);
  });

  test('removal: refused to a VIEWER; recorded; the compartment needs an inspection and is not allocated; a scan opens nothing', async () => {
    expect(errorCode(await s.gql(REMOVE, { id: a.id, to: 'Lost property desk', ref: 'LP-1' }, viewer))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await s.gql(REMOVE, { id: a.id, to: ' ', ref: 'LP-1' }, operator))).toBe(
      'BAD_USER_INPUT',
    );
    ok(await s.gql(REMOVE, { id: a.id, to: 'Lost property desk', ref: 'LP-1' }, operator));
    expect(errorCode(await s.gql(REMOVE, { id: a.id, to: 'again', ref: 'LP-1' }, operator))).toBe('CONFLICT');
    const after = await read(a.id);
    expect(after).toMatchObject({ status: 'STORED', compartment: null });
    expect(after.abandonment).toMatchObject({
      removedBy: 'user:operator@example.com',
      removedTo: 'Lost property desk',
      lostPropertyRef: 'LP-1',
      removedFromCompartmentId: a.compartmentId,
    });
    expect(after.history.at(-1)?.reason).toContain('LP-1');
    const status = async (id: string) =>
      (await db.query(`select status from compartment where id = $1`, [id])).rows[0].status as string;
    expect(await status(a.compartmentId)).toBe('NEEDS_INSPECTION');
    const trail = (
      await db.query(
        `select trigger from compartment_transition where compartment_id = $1 order by id desc limit 1`,
        [a.compartmentId],
      )
    ).rows[0];
    expect(trail.trigger).toBe('bag-removed');

    // one SMALL is free, the inspected one is not handed out
    const c = await deposit();
    expect(c.compartmentId).not.toBe(a.compartmentId);
    const d = await issue(s, f, 'SMALL');
    expect((await scan(s, f, d.code.payload)).outcome).toBe('NO_COMPARTMENT_AVAILABLE');

    const commands = async () =>
      (await db.query(`select count(*)::int as n from gateway_command where session_id = $1`, [a.id])).rows[0]
        .n as number;
    const before = await commands();
    const r = await scan(s, f, a.code);
    expect(r.outcome).toBe('COLLECT_FROM_STAFF');
    expect(r.message).toMatch(/lost property/);
    expect(r.compartment).toBeNull();
    expect(await commands()).toBe(before);

    // the existing inspection puts it back in service
    ok(
      await s.gql(
        `mutation($c:ID!){ recordCompartmentInspection(compartmentId:$c, outcome:EMPTY){ id } }`,
        { c: a.compartmentId },
        operator,
      ),
    );
    expect(await status(a.compartmentId)).toBe('AVAILABLE');
  });

  test('claimed back with its code from lost property: fees first, then completed, nothing opened', async () => {
    expect(errorCode(await s.gql(CLAIM, { id: a.id, p: a.code }, viewer))).toBe('FORBIDDEN');
    expect(errorCode(await s.gql(CLAIM, { id: a.id, p: 'WRONGCODE1234' }, operator))).toBe('BAD_USER_INPUT');
    expect(errorCode(await s.gql(CLAIM, { id: a.id }, operator))).toBe('BAD_USER_INPUT');
    clock.advance(3 * DAY); // fees keep counting until the claim
    const due = (await read(a.id)).amountDue.amount;
    expect(due).toBe(Math.ceil((clock.now().getTime() - start.getTime() - 60 * MIN) / (60 * MIN)) * 100);
    expect(errorCode(await s.gql(CLAIM, { id: a.id, p: a.code }, operator))).toBe('CONFLICT');
    const payment = ok(
      await s.gql<{ createPayment: { id: string; amount: { amount: number } } }>(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id amount { amount } } }`,
        { id: a.id },
        operator,
      ),
    ).createPayment;
    expect(payment.amount.amount).toBe(due);
    ok(
      await s.gql(
        `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:APPROVE){ status } }`,
        { id: payment.id },
        f.adminToken,
      ),
    );
    const commands = (
      await db.query(`select count(*)::int as n from gateway_command where session_id = $1`, [a.id])
    ).rows[0].n as number;
    expect(
      ok(await s.gql<{ recordBagClaim: { status: string } }>(CLAIM, { id: a.id, p: a.code }, operator))
        .recordBagClaim.status,
    ).toBe('COMPLETED');
    const after = await read(a.id);
    expect(after.amountDue.amount).toBe(0);
    expect(after.abandonment).toMatchObject({ claimedBy: 'user:operator@example.com', disposedAt: null });
    expect(after.history.at(-1)).toMatchObject({
      from: 'STORED',
      to: 'COMPLETED',
      reason: expect.stringContaining('claimed from lost property with its code'),
    });
    expect(
      (await db.query(`select count(*)::int as n from gateway_command where session_id = $1`, [a.id])).rows[0]
        .n,
    ).toBe(commands);
    expect((await scan(s, f, a.code)).outcome).toBe('SESSION_CLOSED');
    expect(errorCode(await s.gql(DISPOSE, { id: a.id, m: 'donated' }, operator))).toBe('CONFLICT');
  });

  test('disposal: only after removal, refused to a VIEWER, recorded and ends the session', async () => {
    expect(errorCode(await s.gql(DISPOSE, { id: b.id, m: 'donated' }, operator))).toBe('CONFLICT'); // not removed yet
    ok(await s.gql(REMOVE, { id: b.id, to: 'Station lost property', ref: 'LP-2' }, f.adminToken));
    expect(errorCode(await s.gql(DISPOSE, { id: b.id, m: 'donated' }, viewer))).toBe('FORBIDDEN');
    expect(
      ok(
        await s.gql<{ recordBagDisposal: { status: string } }>(
          DISPOSE,
          { id: b.id, m: 'donated to charity' },
          operator,
        ),
      ).recordBagDisposal.status,
    ).toBe('COMPLETED');
    const after = await read(b.id);
    expect(after.abandonment).toMatchObject({
      disposedBy: 'user:operator@example.com',
      disposalMethod: 'donated to charity',
      claimedAt: null,
      lostPropertyRef: 'LP-2',
    });
    expect(after.history.at(-1)).toMatchObject({
      to: 'COMPLETED',
      reason: expect.stringContaining('disposed of: donated to charity'),
    });
    expect(errorCode(await s.gql(CLAIM, { id: b.id, r: 'passport seen' }, operator))).toBe('CONFLICT');
    expect((await scan(s, f, b.code)).outcome).toBe('SESSION_CLOSED');
    // no receipt for a bag that was disposed of
    expect(
      (
        await db.query(`select count(*)::int as n from notification where dedupe_key = $1`, [
          `receipt:${b.id}`,
        ])
      ).rows[0].n,
    ).toBe(0);
  });

  test('the overdue report and its CSV count abandoned sessions', async () => {
    const from = new Date(start.getTime() - DAY).toISOString();
    const to = new Date(clock.now().getTime() + DAY).toISOString();
    const r = ok(
      await s.gql<{ overdueReport: { buckets: { overdue: number; abandoned: number }[] } }>(
        `query($s:ID,$f:DateTime!,$t:DateTime!){ overdueReport(siteId:$s, from:$f, to:$t, bucket:DAY){ buckets { overdue abandoned } } }`,
        { s: f.siteId, f: from, t: to },
        f.adminToken,
      ),
    );
    expect(r.overdueReport.buckets.reduce((n, x) => n + x.abandoned, 0)).toBe(2);
    const res = await fetch(
      `${s.url.replace('/graphql', '')}/reports/overdue.csv?${new URLSearchParams({ siteId: f.siteId, from, to, bucket: 'DAY' }).toString()}`,
      {
        headers: { authorization: `Bearer ${f.adminToken}` },
      },
    );
    const body = await res.text();
    expect(res.status, body).toBe(200);
    const [head, ...lines] = body.trim().split(/\r?\n/);
    const col = head!.split(',').indexOf('abandoned');
    expect(col, head).toBeGreaterThan(0);
    expect(lines.reduce((n, l) => n + Number(l.split(',')[col]), 0)).toBe(2);
  });
});
