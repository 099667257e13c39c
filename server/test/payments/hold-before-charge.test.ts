import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ACK, createSite, issue, ok, scan, type Fixture } from '../support/fixtures.js';
import { ManualClock } from '../../src/shared/clock.js';

const PAY = `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`;
const APPROVE = `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:APPROVE){ status } }`;
const SESSION = `query($id:ID!){ session(id:$id){ status amountDue { amount } compartment { id status } payments { status refundReason refundedBy refundAutomatic refundEffect } } }`;
type Session = {
  status: string;
  amountDue: { amount: number };
  compartment: { id: string; status: string } | null;
  payments: {
    status: string;
    refundReason: string | null;
    refundedBy: string | null;
    refundAutomatic: boolean;
    refundEffect: string | null;
  }[];
};

describe('hold before charge: no compartment, no payment; money for a session that cannot go on goes back', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  const clock = new ManualClock(new Date());
  const session = async (id: string) =>
    ok(await s.gql<{ session: Session }>(SESSION, { id }, f.adminToken)).session;
  const pay = async (id: string) => {
    const p = ok(await s.gql<{ createPayment: { id: string } }>(PAY, { id }, f.kioskToken)).createPayment;
    ok(await s.gql(APPROVE, { id: p.id }, f.kioskToken));
    return p.id;
  };
  const sessionAt = async (g: Fixture, id: string) =>
    ok(await s.gql<{ session: Session }>(SESSION, { id }, g.adminToken)).session;
  const payAt = async (g: Fixture, id: string) => {
    const p = ok(await s.gql<{ createPayment: { id: string } }>(PAY, { id }, g.kioskToken)).createPayment;
    ok(await s.gql(APPROVE, { id: p.id }, g.kioskToken));
  };
  const commandFor = async (sessionId: string) =>
    (await db.query(`select id from gateway_command where session_id = $1 and acked_at is null`, [sessionId]))
      .rows[0]?.id as string;
  const sent = async (sessionId: string) =>
    (
      await db.query(
        `select count(*)::int as n from payment where session_id = $1 and refund_sent_at is not null`,
        [sessionId],
      )
    ).rows[0].n as number;

  beforeAll(async () => {
    s = await startTestServer({ clock });
    // one paid MEDIUM and two paid LARGE compartments
    f = await createSite(s, {
      counts: { SMALL: 1, MEDIUM: 1, LARGE: 2 },
      prices: { MEDIUM: 400, LARGE: 600 },
    });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('a paid size with no compartment free is never asked to pay; the held one is released when its payment window runs out', async () => {
    const a = await issue(s, f, 'MEDIUM');
    const first = await scan(s, f, a.code.payload);
    expect(first).toMatchObject({ outcome: 'PAYMENT_REQUIRED', amountDue: { amount: 400 } });
    const held = await session(a.session.id);
    expect(held.compartment).toMatchObject({ status: 'RESERVED' });
    expect((await scan(s, f, a.code.payload)).outcome).toBe('PAYMENT_REQUIRED'); // the same hold, not a second one
    expect((await session(a.session.id)).compartment?.id).toBe(held.compartment!.id);

    const b = await issue(s, f, 'MEDIUM');
    const none = await scan(s, f, b.code.payload);
    expect(none).toMatchObject({ outcome: 'NO_COMPARTMENT_AVAILABLE', amountDue: null });
    const refused = await s.gql(PAY, { id: b.session.id }, f.kioskToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT'); // nothing to charge without a hold
    expect(await session(b.session.id)).toMatchObject({ status: 'CREATED', compartment: null, payments: [] });

    clock.advance(301_000); // the site's payment window (300 s) runs out unpaid
    await s.app.tick();
    expect(await session(a.session.id)).toMatchObject({ status: 'CREATED', compartment: null });
    expect((await scan(s, f, b.code.payload)).outcome).toBe('PAYMENT_REQUIRED'); // b now holds it
    await pay(b.session.id);
    clock.advance(301_000); // a paid hold is not released by the payment window
    await s.app.tick();
    const paid = await scan(s, f, b.code.payload);
    expect(paid).toMatchObject({
      outcome: 'UNLOCKING_FOR_DEPOSIT',
      compartment: { id: held.compartment!.id },
    });
  });

  test('a payment that arrives after its hold ran out, with nothing free, is refunded automatically and shows in the revenue report', async () => {
    const c = await issue(s, f, 'SMALL');
    expect((await scan(s, f, c.code.payload)).outcome).toBe('UNLOCKING_FOR_DEPOSIT'); // the only SMALL (free) is taken
    const l1 = await issue(s, f, 'LARGE');
    const l2 = await issue(s, f, 'LARGE');
    expect((await scan(s, f, l1.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    const started = ok(
      await s.gql<{ createPayment: { id: string } }>(PAY, { id: l1.session.id }, f.kioskToken),
    ).createPayment;
    clock.advance(301_000);
    await s.app.tick(); // l1's hold is released while its card is still being read
    expect((await scan(s, f, l2.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    const l3 = await issue(s, f, 'LARGE');
    expect((await scan(s, f, l3.code.payload)).outcome).toBe('PAYMENT_REQUIRED'); // both LARGE held by others now
    ok(await s.gql(APPROVE, { id: started.id }, f.kioskToken));
    const after = await session(l1.session.id);
    expect(after).toMatchObject({ status: 'CREATED', compartment: null, amountDue: { amount: 600 } });
    expect(after.payments).toEqual([
      {
        status: 'REFUNDED',
        refundReason: 'paid after its hold ran out, and no compartment is free',
        refundedBy: 'system:refund',
        refundAutomatic: true,
        refundEffect: 'CANCEL_CHARGE',
      },
    ]);
    await s.app.tick();
    expect(await sent(l1.session.id)).toBe(1); // sent to the provider after the commit

    const range = {
      f: new Date(clock.now().getTime() - 86_400_000).toISOString(),
      t: new Date(clock.now().getTime() + 3_600_000).toISOString(),
    };
    const revenue = ok(
      await s.gql<{
        revenueReport: {
          bySize: { size: string; automaticRefunds: number; refundedAutomatically: { amount: number } }[];
        };
      }>(
        `query($s:ID,$f:DateTime!,$t:DateTime!){ revenueReport(siteId:$s, from:$f, to:$t){ bySize { size automaticRefunds refundedAutomatically { amount } } } }`,
        { s: f.siteId, ...range },
        f.adminToken,
      ),
    ).revenueReport;
    expect(revenue.bySize.find((r) => r.size === 'LARGE')).toEqual({
      size: 'LARGE',
      automaticRefunds: 1,
      refundedAutomatically: { amount: 600 },
    });
  });

  test('a paid deposit whose unlock failed takes another compartment without paying again; with none free, the payment goes back', async () => {
    const g = await createSite(s, { counts: { LARGE: 2 }, prices: { LARGE: 600 } });
    const d = ok(
      await s.gql<any>(
        `mutation($s:ID!){ issueAccessCode(siteId:$s,size:LARGE){ session { id } code { payload } } }`,
        { s: g.siteId },
        g.kioskToken,
      ),
    ).issueAccessCode;
    expect((await scan(s, g, d.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    await payAt(g, d.session.id);
    const first = await scan(s, g, d.code.payload);
    expect(first.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    ok(
      await s.gql(ACK, { id: await commandFor(d.session.id), r: 'FAILED', e: 'lock jammed' }, g.gatewayToken),
    );
    const moved = await sessionAt(g, d.session.id);
    expect(moved).toMatchObject({
      status: 'CREATED',
      amountDue: { amount: 0 },
      compartment: { status: 'RESERVED' },
      payments: [{ status: 'CAPTURED' }],
    });
    expect(moved.compartment!.id).not.toBe(first.compartment!.id); // never the one that just failed
    const second = await scan(s, g, d.code.payload);
    expect(second).toMatchObject({
      outcome: 'UNLOCKING_FOR_DEPOSIT',
      compartment: { id: moved.compartment!.id },
    }); // no second payment

    // the second fails too: both wait for an inspection, nothing of the size is left: the money goes back
    ok(
      await s.gql(ACK, { id: await commandFor(d.session.id), r: 'FAILED', e: 'lock jammed' }, g.gatewayToken),
    );
    const last = await sessionAt(g, d.session.id);
    expect(last).toMatchObject({ status: 'CREATED', compartment: null, amountDue: { amount: 600 } });
    expect(last.payments).toEqual([
      {
        status: 'REFUNDED',
        refundReason: 'the door did not open and no other compartment is free',
        refundedBy: 'system:refund',
        refundAutomatic: true,
        refundEffect: 'CANCEL_CHARGE',
      },
    ]);
  });

  test('a paid session whose code expires, or that staff end, is refunded automatically and its hold released', async () => {
    const g = await createSite(s, { counts: { MEDIUM: 1, LARGE: 1 }, prices: { MEDIUM: 400, LARGE: 600 } });
    const issueAt = async (size: string) =>
      ok(
        await s.gql<any>(
          `mutation($s:ID!,$z:CompartmentSize!){ issueAccessCode(siteId:$s,size:$z){ session { id } code { payload } } }`,
          { s: g.siteId, z: size },
          g.kioskToken,
        ),
      ).issueAccessCode;
    const e = await issueAt('MEDIUM');
    expect((await scan(s, g, e.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    await payAt(g, e.session.id);
    const held = (await sessionAt(g, e.session.id)).compartment!;
    clock.advance(61 * 60_000); // past the 60 min code lifetime
    await s.app.tick();
    const expired = await sessionAt(g, e.session.id);
    expect(expired).toMatchObject({ status: 'CANCELLED', compartment: null });
    expect(expired.payments).toMatchObject([
      {
        status: 'REFUNDED',
        refundAutomatic: true,
        refundReason: 'the code expired before anything was stored',
      },
    ]);
    expect((await db.query(`select status from compartment where id = $1`, [held.id])).rows[0].status).toBe(
      'AVAILABLE',
    );

    const h = await issueAt('LARGE');
    expect((await scan(s, g, h.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    await payAt(g, h.session.id);
    ok(
      await s.gql(
        `mutation($id:ID!){ endSession(sessionId:$id, reason:"traveller changed their mind"){ status } }`,
        { id: h.session.id },
        g.adminToken,
      ),
    );
    const ended = await sessionAt(g, h.session.id);
    expect(ended).toMatchObject({ status: 'CANCELLED', compartment: null });
    expect(ended.payments).toMatchObject([
      { status: 'REFUNDED', refundAutomatic: true, refundEffect: 'CANCEL_CHARGE' },
    ]);
  });
});
