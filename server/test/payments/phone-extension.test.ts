import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { ManualClock } from '../../src/shared/clock.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, scan, type Fixture } from '../support/fixtures.js';

// What the phone page sends: no token, the session's access code (the QR payload) as the proof.
const READ = `query($s:ID!,$p:String!){ sessionByAccessCode(siteId:$s,payload:$p){ id dueAt overdue amountDue { amount }
  extension { stepMinutes stepPrice { amount currency } maxSteps } } }`;
const PAY_FEE = `mutation($id:ID!,$p:String){ createPayment(sessionId:$id,payload:$p){ id status kind amount { amount } } }`;
const EXTEND = `mutation($id:ID!,$p:String,$n:Int!){ createExtensionPayment(sessionId:$id,payload:$p,steps:$n){ id status kind extensionMinutes amount { amount } } }`;
const CONFIRM = `mutation($id:ID!,$o:DemoPaymentOutcome!,$p:String){ confirmDemoPayment(paymentId:$id,outcome:$o,payload:$p){ id status } }`;
const REFUND = `mutation($id:ID!,$e:RefundEffect!){ refundPayment(paymentId:$id, reason:"goodwill", effect:$e){ status } }`;
const PREVIEW = `query($id:ID!,$e:RefundEffect!){ refundPreview(paymentId:$id, effect:$e){ amountDueNow { amount } amountDueAfter { amount } } }`;
const REVENUE = `query($s:ID!,$f:DateTime!,$t:DateTime!){ revenueReport(siteId:$s,from:$f,to:$t){ bySize { size payments captured { amount } refunded { amount } } } }`;

type Read = {
  id: string;
  dueAt: string;
  overdue: boolean;
  amountDue: { amount: number };
  extension: {
    stepMinutes: number;
    stepPrice: { amount: number; currency: string };
    maxSteps: number;
  } | null;
};
type Payment = {
  id: string;
  status: string;
  kind: string;
  extensionMinutes?: number | null;
  amount: { amount: number };
};

const MIN = 60_000;

describe('a depositor pays and extends from the phone, with the code as the proof', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));

  beforeAll(async () => {
    // many public calls from one address in a minute: the per-address limit is not what is tested
    s = await startTestServer({ clock, env: { RATE_LIMIT_PUBLIC: '1000' } });
    // 4.00 for the first 60 minutes, 2.00 per started hour past due after 15 minutes' grace
    f = await createSite(s, { counts: { MEDIUM: 14 }, prices: { MEDIUM: 400 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  const read = async (payload: string) =>
    ok(await s.gql<{ sessionByAccessCode: Read }>(READ, { s: f.siteId, p: payload })).sessionByAccessCode;
  const phone = <T>(query: string, vars: Record<string, unknown>) => s.gql<T>(query, vars);
  const payFee = async (sessionId: string, payload: string) =>
    ok(await phone<{ createPayment: Payment }>(PAY_FEE, { id: sessionId, p: payload })).createPayment;
  const extend = async (sessionId: string, payload: string, steps: number) =>
    ok(await phone<{ createExtensionPayment: Payment }>(EXTEND, { id: sessionId, p: payload, n: steps }))
      .createExtensionPayment;
  const confirm = async (paymentId: string, payload: string, outcome = 'APPROVE') =>
    ok(await phone<{ confirmDemoPayment: Payment }>(CONFIRM, { id: paymentId, o: outcome, p: payload }))
      .confirmDemoPayment;

  /** A bag paid for at the kiosk and stored: its code and session. */
  const storedBag = async (contact?: { email: string }) => {
    const issued = await issue(s, f, 'MEDIUM', contact);
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    const p = ok(
      await s.gql<{ createPayment: { id: string } }>(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`,
        { id: issued.session.id },
        f.kioskToken,
      ),
    ).createPayment;
    ok(await s.gql(CONFIRM, { id: p.id, o: 'APPROVE' }, f.kioskToken));
    const r = await scan(s, f, issued.code.payload);
    await door(s, f, r.compartment!.id, 'OPEN', clock.now());
    await door(s, f, r.compartment!.id, 'CLOSED', clock.now());
    return { payload: issued.code.payload, id: issued.session.id };
  };
  const pastDue = async (payload: string, minutes: number) => {
    const { dueAt } = await read(payload);
    clock.set(new Date(new Date(dueAt).getTime() + minutes * MIN));
  };

  test('the phone offers more time in steps of the tariff: its included period at its price', async () => {
    const bag = await storedBag();
    expect((await read(bag.payload)).extension).toEqual({
      stepMinutes: 60,
      stepPrice: { amount: 400, currency: 'EUR' },
      maxSteps: 3,
    });
  });

  test('a code holder pays its own overdue fee, then extends; the due time moves only on capture', async () => {
    const bag = await storedBag();
    await pastDue(bag.payload, 70);
    expect(await read(bag.payload)).toMatchObject({ overdue: true, amountDue: { amount: 400 } });

    // an overdue session pays its fee first
    const early = await phone(EXTEND, { id: bag.id, p: bag.payload, n: 1 });
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(early.errors?.[0]?.message).toMatch(/overdue fee first/i);

    const fee = await payFee(bag.id, bag.payload);
    expect(fee).toMatchObject({ status: 'PENDING', kind: 'FEE', amount: { amount: 400 } });
    expect(await confirm(fee.id, bag.payload)).toMatchObject({ status: 'CAPTURED' });
    const settled = await read(bag.payload);
    expect(settled.amountDue.amount).toBe(0);

    const ext = await extend(bag.id, bag.payload, 2);
    expect(ext).toMatchObject({
      status: 'PENDING',
      kind: 'EXTENSION',
      extensionMinutes: 120,
      amount: { amount: 800 },
    });
    expect((await read(bag.payload)).dueAt).toBe(settled.dueAt); // started, not paid: nothing moves

    clock.advance(2 * MIN);
    expect(await confirm(ext.id, bag.payload)).toMatchObject({ status: 'CAPTURED' });
    const extended = await read(bag.payload);
    // past due, the fee paid up to now: the new time counts from the moment of capture
    expect(new Date(extended.dueAt).getTime()).toBe(clock.now().getTime() + 120 * MIN);
    expect(extended).toMatchObject({ overdue: false, amountDue: { amount: 0 } });

    // the fee paid for the late hours stays paid and is not owed again after the move
    clock.advance(60 * MIN);
    expect((await read(bag.payload)).amountDue.amount).toBe(0);
  });

  test('an extension is not a payment of the overdue fee: late after it, the fee is owed in full', async () => {
    const bag = await storedBag();
    const before = await read(bag.payload);
    const ext = await extend(bag.id, bag.payload, 1);
    await confirm(ext.id, bag.payload);
    const after = await read(bag.payload);
    expect(new Date(after.dueAt).getTime()).toBe(new Date(before.dueAt).getTime() + 60 * MIN);
    expect(after.amountDue.amount).toBe(0);
    await pastDue(bag.payload, 20); // one started hour past the new due time, past the grace
    expect(await read(bag.payload)).toMatchObject({ overdue: true, amountDue: { amount: 200 } });
    expect((await phone(EXTEND, { id: bag.id, p: bag.payload, n: 1 })).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
  });

  test('the code opens its own session only: no payment, confirmation or refund for another', async () => {
    const mine = await storedBag();
    const other = await storedBag();
    const forbidden = (r: { errors?: { extensions?: { code?: string } }[] }) =>
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    forbidden(await phone(PAY_FEE, { id: other.id, p: mine.payload }));
    forbidden(await phone(EXTEND, { id: other.id, p: mine.payload, n: 1 }));
    forbidden(await phone(EXTEND, { id: mine.id, n: 1 })); // no code, no payment
    const theirs = await extend(other.id, other.payload, 1);
    forbidden(await phone(CONFIRM, { id: theirs.id, o: 'APPROVE', p: mine.payload }));
    expect((await phone(CONFIRM, { id: theirs.id, o: 'APPROVE' })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const refund = await phone(REFUND, { id: theirs.id, e: 'WAIVE_FEE' });
    expect(refund.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    const status = await db.query(`select status from payment where id = $1`, [theirs.id]);
    expect(status.rows[0].status).toBe('PENDING');
  });

  test('a declined or cancelled extension changes nothing', async () => {
    const bag = await storedBag();
    const before = await read(bag.payload);
    const declined = await extend(bag.id, bag.payload, 1);
    expect(await confirm(declined.id, bag.payload, 'DECLINE')).toMatchObject({ status: 'DECLINED' });
    const cancelled = await extend(bag.id, bag.payload, 3);
    expect(await confirm(cancelled.id, bag.payload, 'CANCEL')).toMatchObject({ status: 'CANCELLED' });
    expect(await read(bag.payload)).toEqual(before);
  });

  test('two taps on "approve" at once capture once and move the due time once', async () => {
    const bag = await storedBag();
    const before = await read(bag.payload);
    const ext = await extend(bag.id, bag.payload, 1);
    const answers = await Promise.all([confirm(ext.id, bag.payload), confirm(ext.id, bag.payload)]);
    expect(answers.map((a) => a.status)).toEqual(['CAPTURED', 'CAPTURED']);
    const after = await read(bag.payload);
    expect(new Date(after.dueAt).getTime()).toBe(new Date(before.dueAt).getTime() + 60 * MIN);
    const audit = await db.query(
      `select count(*)::int as n from audit_entry where action = 'session.extended' and subject_id = $1`,
      [bag.id],
    );
    expect(audit.rows[0].n).toBe(1);
  });

  test('more time paid for a bag collected meanwhile goes back on its own', async () => {
    const bag = await storedBag();
    const ext = await extend(bag.id, bag.payload, 1);
    const r = await scan(s, f, bag.payload, 'RETRIEVE');
    expect(r.outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    await door(s, f, r.compartment!.id, 'OPEN', clock.now());
    await door(s, f, r.compartment!.id, 'CLOSED', clock.now());
    expect(await confirm(ext.id, bag.payload)).toMatchObject({ status: 'REFUNDED' });
    const row = await db.query(`select refund_automatic, refund_effect from payment where id = $1`, [ext.id]);
    expect(row.rows[0]).toEqual({ refund_automatic: true, refund_effect: 'CANCEL_CHARGE' });
  });

  test('revenue counts the extension; a refund gives the money back and keeps the time and the amount due', async () => {
    type Row = { size: string; payments: number; captured: { amount: number }; refunded: { amount: number } };
    const revenue = async () => {
      const r = ok(
        await s.gql<{ revenueReport: { bySize: Row[] } }>(
          REVENUE,
          { s: f.siteId, f: new Date('2026-01-01T00:00:00Z'), t: new Date('2027-01-01T00:00:00Z') },
          f.adminToken,
        ),
      ).revenueReport.bySize.find((b) => b.size === 'MEDIUM')!;
      return { payments: r.payments, captured: r.captured.amount, refunded: r.refunded.amount };
    };
    const start = await revenue();
    const since = async () => {
      const now = await revenue();
      return {
        payments: now.payments - start.payments,
        captured: now.captured - start.captured,
        refunded: now.refunded - start.refunded,
      };
    };
    const bag = await storedBag();
    const ext = await extend(bag.id, bag.payload, 1);
    await confirm(ext.id, bag.payload);
    const extended = await read(bag.payload);
    // the kiosk's 4.00 for the first hour, then 4.00 for one more
    expect(await since()).toEqual({ payments: 2, captured: 800, refunded: 0 });

    const preview = ok(
      await s.gql<{ refundPreview: unknown }>(PREVIEW, { id: ext.id, e: 'CANCEL_CHARGE' }, f.adminToken),
    ).refundPreview;
    expect(preview).toEqual({ amountDueNow: { amount: 0 }, amountDueAfter: { amount: 0 } });
    ok(await s.gql(REFUND, { id: ext.id, e: 'CANCEL_CHARGE' }, f.adminToken));
    expect(await since()).toEqual({ payments: 2, captured: 800, refunded: 400 });
    expect(await read(bag.payload)).toEqual(extended);
  });

  test('the timeline lists the extension with its kind and minutes', async () => {
    const bag = await storedBag();
    const ext = await extend(bag.id, bag.payload, 2);
    await confirm(ext.id, bag.payload);
    const payments = ok(
      await s.gql<{
        session: { payments: { kind: string; extensionMinutes: number | null; status: string }[] };
      }>(
        `query($id:ID!){ session(id:$id){ payments { kind extensionMinutes status } } }`,
        { id: bag.id },
        f.adminToken,
      ),
    ).session.payments;
    expect(payments).toEqual([
      { kind: 'FEE', extensionMinutes: null, status: 'CAPTURED' },
      { kind: 'EXTENSION', extensionMinutes: 120, status: 'CAPTURED' },
    ]);
  });

  test('moving the due time resets the reminder and overdue rules: they run again for the new due time', async () => {
    const bag = await storedBag({ email: 'late@example.com' });
    const count = async (sql: string) => (await db.query(sql, [bag.id])).rows[0].n as number;
    const reminders = () =>
      count(
        `select count(*)::int as n from notification where session_id = $1 and dedupe_key like 'reminder:%'`,
      );
    const openOverdue = () =>
      count(
        `select count(*)::int as n from alert where session_id = $1 and type = 'OVERDUE' and resolved_at is null`,
      );
    await pastDue(bag.payload, -10);
    await s.app.tick();
    expect(await reminders()).toBe(1);
    await pastDue(bag.payload, 20);
    await s.app.tick();
    expect(await openOverdue()).toBe(1);

    const fee = await payFee(bag.id, bag.payload);
    await confirm(fee.id, bag.payload);
    const ext = await extend(bag.id, bag.payload, 1);
    await confirm(ext.id, bag.payload);
    expect(await openOverdue()).toBe(0); // no longer overdue: its alert is resolved

    await pastDue(bag.payload, -10);
    await s.app.tick();
    expect(await reminders()).toBe(2); // a reminder before the new due time
    await pastDue(bag.payload, 20);
    await s.app.tick();
    expect(await openOverdue()).toBe(1); // overdue again: staff hear of it again
  });
});
