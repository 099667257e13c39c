import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, presence, scan, type Fixture } from '../support/fixtures.js';
import { ManualClock } from '../../src/shared/clock.js';

const MIN = 60_000;

describe('clock-driven rules (a manual clock; each pass as the timer would run it)', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  const clock = new ManualClock(new Date());
  const alerts = async (type: string) =>
    (await db.query(`select count(*)::int as n from alert where type = $1`, [type])).rows[0].n as number;
  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, {
      counts: { SMALL: 3, MEDIUM: 1 },
      prices: { MEDIUM: 400 },
      tariff: { includedMinutes: 60, overduePerHour: 200, graceMinutes: 15, securityAlertAfterMinutes: 30 },
    });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('a stored session is reminded, becomes overdue with the contract fee, and escalates, each exactly once', async () => {
    const issued = await issue(s, f, 'SMALL', { email: 'late@example.com' });
    const r = await scan(s, f, issued.code.payload);
    await door(s, f, r.compartment!.id, 'OPEN', clock.now());
    await door(s, f, r.compartment!.id, 'CLOSED', clock.now());
    clock.advance(50 * MIN);
    await s.app.tick();
    await s.app.tick();
    const reminders = (
      await db.query(`select count(*)::int as n from notification where dedupe_key like 'reminder:%'`)
    ).rows[0].n;
    expect(reminders).toBe(1);
    clock.advance(26 * MIN); // 76 min after deposit: past due (60) + grace (15)
    await s.app.tick();
    await s.app.tick();
    expect(await alerts('OVERDUE')).toBe(1);
    const overdue = ok(
      await s.gql<{ session: { overdue: boolean; amountDue: { amount: number } } }>(
        `query($id:ID!){ session(id:$id){ overdue amountDue { amount } } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    ).session;
    expect(overdue).toEqual({ overdue: true, amountDue: { amount: 200 } }); // one started hour past dueAt
    const pay = await scan(s, f, issued.code.payload);
    expect(pay.outcome).toBe('PAYMENT_REQUIRED');
    expect(pay.amountDue?.amount).toBe(200);
    clock.advance(70 * MIN); // 146 min: 86 min past due = 2 started hours; security after 15+30
    await s.app.tick();
    await s.app.tick();
    expect(await alerts('OVERDUE')).toBe(1);
    expect(await alerts('SECURITY_ESCALATION')).toBe(1);
    const fee = ok(
      await s.gql<{ session: { amountDue: { amount: number } } }>(
        `query($id:ID!){ session(id:$id){ amountDue { amount } } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    ).session;
    expect(fee.amountDue.amount).toBe(400);
    // paying unlocks the retrieval
    const payment = ok(
      await s.gql<{ createPayment: { id: string; amount: { amount: number } } }>(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id amount { amount } } }`,
        { id: issued.session.id },
        f.kioskToken,
      ),
    ).createPayment;
    expect(payment.amount.amount).toBe(400);
    ok(
      await s.gql(
        `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:APPROVE){ status } }`,
        { id: payment.id },
        f.kioskToken,
      ),
    );
    ok(
      await s.gql(
        `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:APPROVE){ status } }`,
        { id: payment.id },
        f.kioskToken,
      ),
    ); // twice counts once
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    const messages = (
      await db.query(
        `select subject from notification where recipient = 'late@example.com' order by created_at`,
      )
    ).rows.map((r) => r.subject);
    // the code sent at issue first, then each deadline's message once
    expect(messages[0]).toMatch(/^Your locker code at Test Station: /);
    expect(messages.slice(1)).toEqual(['Your locker time is nearly up', 'Your locker storage is overdue']);
  });

  test('the tariff price is required before the first unlock; a declined payment changes nothing', async () => {
    const issued = await issue(s, f, 'MEDIUM');
    const first = await scan(s, f, issued.code.payload);
    expect(first).toMatchObject({ outcome: 'PAYMENT_REQUIRED', amountDue: { amount: 400 } });
    const p = ok(
      await s.gql<{ createPayment: { id: string } }>(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`,
        { id: issued.session.id },
        f.kioskToken,
      ),
    ).createPayment;
    ok(
      await s.gql(
        `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:DECLINE){ status } }`,
        { id: p.id },
        f.kioskToken,
      ),
    );
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    const p2 = ok(
      await s.gql<{ createPayment: { id: string } }>(
        `mutation($id:ID!,$c:String){ createPayment(sessionId:$id, payload:$c){ id } }`,
        { id: issued.session.id, c: issued.code.payload },
      ),
    ).createPayment;
    ok(
      await s.gql(
        `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:APPROVE){ status } }`,
        { id: p2.id },
        f.kioskToken,
      ),
    );
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  });

  test('a failed unlock releases; a door not opened in the window is released; an unused code expires; a door left open alerts', async () => {
    const a = await issue(s, f, 'SMALL');
    const scanned = await scan(s, f, a.code.payload);
    const failed = (
      await db.query(`select id from gateway_command where session_id = $1 and acked_at is null`, [
        a.session.id,
      ])
    ).rows[0];
    ok(
      await s.gql(
        `mutation($id:ID!){ ackGatewayCommand(commandId:$id, result:FAILED, error:"controller unreachable") }`,
        { id: failed.id },
        f.gatewayToken,
      ),
    );
    const afterAck = ok(
      await s.gql<{ session: { status: string } }>(
        `query($id:ID!){ session(id:$id){ status } }`,
        { id: a.session.id },
        f.adminToken,
      ),
    ).session;
    expect(afterAck.status).toBe('CREATED');
    expect(
      (
        await db.query(
          `select count(*)::int as n from alert where type = 'UNLOCK_FAILED' and session_id = $1`,
          [a.session.id],
        )
      ).rows[0].n,
    ).toBe(1);

    const again = await scan(s, f, a.code.payload);
    expect(again.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const startedAt = clock.now();
    const cmd = (
      await db.query(`select id from gateway_command where session_id = $1 and acked_at is null`, [
        a.session.id,
      ])
    ).rows[0];
    ok(
      await s.gql(
        `mutation($id:ID!){ ackGatewayCommand(commandId:$id, result:SUCCEEDED) }`,
        { id: cmd.id },
        f.gatewayToken,
      ),
    );
    clock.advance(131_000); // past ack timeout + deposit window, door never opened
    await presence(s, f, { since: new Date(startedAt.getTime() - 1000), lastGoodReadAt: clock.now() });
    await s.app.tick();
    const released = ok(
      await s.gql<{ session: { status: string; compartment: null } }>(
        `query($id:ID!){ session(id:$id){ status compartment { id } } }`,
        { id: a.session.id },
        f.adminToken,
      ),
    ).session;
    expect(released).toEqual({ status: 'CREATED', compartment: null });
    expect(scanned.compartment).toBeTruthy();

    clock.advance(61 * MIN); // past the 60 min code lifetime
    await s.app.tick();
    expect((await scan(s, f, a.code.payload)).outcome).toBe('SESSION_CLOSED');

    const target = f.compartments.find((c) => c.size === 'SMALL')!;
    await door(s, f, target.id, 'OPEN', clock.now());
    clock.advance(121_000);
    await presence(s, f, { since: new Date(clock.now().getTime() - 200_000), lastGoodReadAt: clock.now() }); // still open when last read
    await s.app.tick();
    await s.app.tick();
    expect(await alerts('DOOR_LEFT_OPEN')).toBe(1);
    const left = (await db.query(`select count(*)::int as n from door_event where type = 'LEFT_OPEN'`))
      .rows[0].n;
    expect(left).toBe(1);
  });

  test('a gateway not heard from within its heartbeat window raises GATEWAY_OFFLINE once', async () => {
    await db.query(`update gateway set last_seen_at = $1, offline_alerted = false`, [clock.now()]);
    const before = await alerts('GATEWAY_OFFLINE');
    clock.advance(29_000);
    await s.app.tick();
    expect(await alerts('GATEWAY_OFFLINE')).toBe(before);
    clock.advance(2_000);
    await s.app.tick();
    await s.app.tick();
    expect(await alerts('GATEWAY_OFFLINE')).toBe(before + 1);
  });
});
