import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestServer } from '../support/test-server.js';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { startSmtpServer } from '../support/smtp.js';
import { collect, createSite, door, issue, ok, scan, waitFor, type Fixture } from '../support/fixtures.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ALERTS = `subscription($s:ID){ alertRaised(siteId:$s){ id type session { id } } }`;
const SESSION = `subscription($id:ID!){ sessionUpdated(sessionId:$id){ id status } }`;
type AlertEvent = { alertRaised: { id: string; type: string; session: { id: string } | null } };

/**
 * Two real server processes on one PostgreSQL and one Redis, each running the clock-driven
 * rules every 100 ms and a queue worker. Time is moved by backdating the stored session (what
 * a later clock would see), since the processes read the real clock.
 */
describe('two server instances: subscriptions cross instances, each deadline fires once', () => {
  let a: ChildServer;
  let b: ChildServer;
  let f: Fixture;
  let db: pg.Client;
  let dropDb: () => Promise<void>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDb = database.drop;
    smtp = await startSmtpServer();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      SMTP_URL: smtp.url,
      TIMER_INTERVAL_MS: '100',
      QUEUE_POLL_INTERVAL_MS: '500',
    };
    a = await startChildServer(env); // migrates first; then the second joins
    b = await startChildServer(env);
    f = await createSite(a as unknown as TestServer, {
      counts: { SMALL: 2 },
      tariff: { includedMinutes: 60, overduePerHour: 200, graceMinutes: 15, securityAlertAfterMinutes: 30 },
    });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    await dropDb?.();
  });

  test('reminder, overdue (fee 200) and security escalation: each alert and e-mail once; pay, then retrieve and get one receipt', async () => {
    const onA = collect<AlertEvent>(a.ws(f.adminToken), ALERTS, { s: f.siteId });
    const onB = collect<AlertEvent>(b.ws(f.adminToken), ALERTS, { s: f.siteId });
    const issued = await issue(a as unknown as TestServer, f, 'SMALL', { email: 'traveller@example.com' });
    const sessionOnB = collect<{ sessionUpdated: { status: string } }>(b.ws(f.adminToken), SESSION, {
      id: issued.session.id,
    });
    await new Promise((r) => setTimeout(r, 300)); // subscriptions registered
    // a change made through A reaches a subscriber connected to B (Redis pub/sub)
    const r = await scan(a as unknown as TestServer, f, issued.code.payload);
    await door(a as unknown as TestServer, f, r.compartment!.id, 'OPEN');
    await door(a as unknown as TestServer, f, r.compartment!.id, 'CLOSED');
    await waitFor(() => sessionOnB.events.some((e) => e.sessionUpdated.status === 'STORED'));
    expect(sessionOnB.events.map((e) => e.sessionUpdated.status)).toEqual(['DEPOSITING', 'STORED']);

    const travel = (minutes: number) =>
      db.query(
        `update storage_session set deposited_at = deposited_at - make_interval(mins => $2), due_at = due_at - make_interval(mins => $2) where id = $1`,
        [issued.session.id, minutes],
      );
    // the body is quoted-printable once it holds a currency sign
    const text = (raw: string) =>
      Buffer.from(
        raw
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
    const mails = (subject: string) =>
      smtp.mails.filter((m) => m.subject === subject && m.to.includes('traveller@example.com'));
    const alerts = async (type: string) =>
      (
        await db.query(`select count(*)::int as n from alert where type = $1 and session_id = $2`, [
          type,
          issued.session.id,
        ])
      ).rows[0].n as number;

    await travel(50); // 10 min before dueAt: the reminder
    await waitFor(() => mails('Your locker time is nearly up').length > 0, 10_000);
    await travel(26); // 16 min past dueAt, past the 15 min grace: overdue
    await waitFor(() => mails('Your locker storage is overdue').length > 0, 10_000);
    await waitFor(
      () =>
        onA.events.some((e) => e.alertRaised.type === 'OVERDUE') &&
        onB.events.some((e) => e.alertRaised.type === 'OVERDUE'),
    );
    const due = await scan(b as unknown as TestServer, f, issued.code.payload);
    expect(due).toMatchObject({ outcome: 'PAYMENT_REQUIRED', amountDue: { amount: 200 } }); // one started hour past dueAt
    await travel(30); // 46 min past dueAt: past grace + 30 min security
    await waitFor(
      () =>
        onA.events.some((e) => e.alertRaised.type === 'SECURITY_ESCALATION') &&
        onB.events.some((e) => e.alertRaised.type === 'SECURITY_ESCALATION'),
    );
    await new Promise((r) => setTimeout(r, 1500)); // ~15 more passes of each instance

    expect(await alerts('OVERDUE')).toBe(1);
    expect(await alerts('SECURITY_ESCALATION')).toBe(1);
    for (const sub of [onA, onB]) {
      expect(sub.events.map((e) => e.alertRaised.type).sort()).toEqual(['OVERDUE', 'SECURITY_ESCALATION']);
    }
    expect(mails('Your locker time is nearly up')).toHaveLength(1);
    expect(mails('Your locker storage is overdue')).toHaveLength(1);
    expect(text(mails('Your locker storage is overdue')[0]!.raw)).toContain('€2.00');

    // still 200: 46 min past dueAt is within the first started hour
    const payment = ok(
      await b.gql<{ createPayment: { id: string; amount: { amount: number } } }>(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id amount { amount } } }`,
        { id: issued.session.id },
        f.kioskToken,
      ),
    ).createPayment;
    expect(payment.amount.amount).toBe(200);
    ok(
      await b.gql(
        `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:APPROVE){ status } }`,
        { id: payment.id },
        f.kioskToken,
      ),
    );
    const retrieval = await scan(a as unknown as TestServer, f, issued.code.payload);
    expect(retrieval.outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    await door(a as unknown as TestServer, f, r.compartment!.id, 'OPEN');
    await door(a as unknown as TestServer, f, r.compartment!.id, 'CLOSED');
    await waitFor(() => mails('Your locker receipt').length > 0, 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(mails('Your locker receipt')).toHaveLength(1);
    expect(text(mails('Your locker receipt')[0]!.raw)).toContain('Paid: €2.00');
    expect(sessionOnB.events.at(-1)?.sessionUpdated.status).toBe('COMPLETED');
  });
});
