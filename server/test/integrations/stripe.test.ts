import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, issue, login, ok, scan, type Fixture } from '../support/fixtures.js';

const WEBHOOK_SECRET = 'whsec_test_lockers_0123456789';

/** Stands in for api.stripe.com (no network here): answers the two calls the adapter makes. */
async function stripeApiStub(): Promise<{ url: string; calls: string[]; close(): Promise<void> }> {
  const calls: string[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      calls.push(`${req.method} ${req.url} ${String(req.headers['idempotency-key'] ?? '')}`);
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/payment_intents') {
        const id = `pi_test_${++n}`;
        return res.end(
          JSON.stringify({
            id,
            object: 'payment_intent',
            amount: Number(form.get('amount')),
            currency: form.get('currency'),
            client_secret: `${id}_secret_abc`,
            status: 'requires_payment_method',
          }),
        );
      }
      if (req.url === '/v1/refunds')
        return res.end(
          JSON.stringify({
            id: 're_test_1',
            object: 'refund',
            status: 'succeeded',
            payment_intent: form.get('payment_intent'),
          }),
        );
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { message: 'unknown' } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('Stripe: payment intents, a signed webhook, refunds', () => {
  let s: TestServer;
  let f: Fixture;
  let api: Awaited<ReturnType<typeof stripeApiStub>>;
  const stripe = new Stripe('sk_test_unused');
  const hook = (body: string, secret = WEBHOOK_SECRET) =>
    fetch(s.url.replace('/graphql', '/webhooks/stripe'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload: body, secret }),
      },
      body,
    });
  const succeeded = (intent: string, amount: number) =>
    JSON.stringify({
      id: `evt_${intent}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      data: {
        object: {
          id: intent,
          object: 'payment_intent',
          amount,
          amount_received: amount,
          status: 'succeeded',
        },
      },
    });
  const session = async (id: string) =>
    ok(
      await s.gql<{
        session: { amountDue: { amount: number }; payments: { status: string; provider: string }[] };
      }>(
        `query($id:ID!){ session(id:$id){ amountDue { amount } payments { status provider } } }`,
        { id },
        f.adminToken,
      ),
    ).session;

  beforeAll(async () => {
    api = await stripeApiStub();
    s = await startTestServer({
      env: {
        PAYMENT_PROVIDER: 'stripe',
        STRIPE_SECRET_KEY: 'sk_test_lockers',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: api.url,
      },
    });
    f = await createSite(s, { counts: { SMALL: 1, MEDIUM: 5 }, prices: { MEDIUM: 400 } });
  });
  afterAll(async () => {
    await s.stop();
    await api.close();
  });

  test('a bad signature is refused and changes nothing; a valid one captures, once; the tariff is then paid', async () => {
    const issued = await issue(s, f, 'MEDIUM');
    expect(await scan(s, f, issued.code.payload)).toMatchObject({
      outcome: 'PAYMENT_REQUIRED',
      amountDue: { amount: 400 },
    });
    const payment = ok(
      await s.gql<{ createPayment: { id: string; provider: string; clientSecret: string; status: string } }>(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id provider clientSecret status } }`,
        { id: issued.session.id },
        f.kioskToken,
      ),
    ).createPayment;
    expect(payment).toMatchObject({
      provider: 'stripe',
      clientSecret: 'pi_test_1_secret_abc',
      status: 'PENDING',
    });
    expect(api.calls[0]).toBe(`POST /v1/payment_intents payment:${payment.id}`);

    const forged = await hook(succeeded('pi_test_1', 400), 'whsec_someone_else');
    expect(forged.status).toBe(400);
    const unsigned = await fetch(s.url.replace('/graphql', '/webhooks/stripe'), {
      method: 'POST',
      body: succeeded('pi_test_1', 400),
    });
    expect(unsigned.status).toBe(400);
    expect(await session(issued.session.id)).toEqual({
      amountDue: { amount: 400 },
      payments: [{ status: 'PENDING', provider: 'stripe' }],
    });
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('PAYMENT_REQUIRED');

    expect((await hook(succeeded('pi_test_1', 400))).status).toBe(200);
    expect((await hook(succeeded('pi_test_1', 400))).status).toBe(200); // Stripe delivers at least once
    expect(await session(issued.session.id)).toEqual({
      amountDue: { amount: 0 },
      payments: [{ status: 'CAPTURED', provider: 'stripe' }],
    });
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  });

  test('an ADMIN cancels a charge: REFUNDED, the amount is due again, and revenue drops by it', async () => {
    const issued = await issue(s, f, 'MEDIUM');
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('PAYMENT_REQUIRED'); // holds a compartment first
    const payment = ok(
      await s.gql<{ createPayment: { id: string } }>(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`,
        { id: issued.session.id },
        f.kioskToken,
      ),
    ).createPayment;
    expect((await hook(succeeded('pi_test_2', 400))).status).toBe(200);
    const range = {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const revenue = async () =>
      ok(
        await s.gql<{
          revenueReport: {
            net: { amount: number };
            bySize: { size: string; captured: { amount: number }; refunded: { amount: number } }[];
          };
        }>(
          `query($s:ID,$f:DateTime!,$t:DateTime!){ revenueReport(siteId:$s, from:$f, to:$t){ net { amount } bySize { size captured { amount } refunded { amount } } } }`,
          { s: f.siteId, f: range.from, t: range.to },
          f.adminToken,
        ),
      ).revenueReport;
    expect((await revenue()).net.amount).toBe(800);

    const REFUND = `mutation($id:ID!,$r:String!){ refundPayment(paymentId:$id, reason:$r, effect:CANCEL_CHARGE){ status refundReason refundedAt } }`;
    ok(
      await s.gql(
        `mutation { createUser(email:"op@example.com", password:"operator-pass-1", role:OPERATOR){ id } }`,
        {},
        f.adminToken,
      ),
    );
    const operator = await login(s, 'op@example.com', 'operator-pass-1');
    expect(
      (await s.gql(REFUND, { id: payment.id, r: 'goodwill' }, operator)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const refunded = ok(
      await s.gql<{ refundPayment: { status: string; refundReason: string } }>(
        REFUND,
        { id: payment.id, r: 'locker was dirty' },
        f.adminToken,
      ),
    ).refundPayment;
    expect(refunded).toMatchObject({ status: 'REFUNDED', refundReason: 'locker was dirty' });
    expect(api.calls.at(-1)).toBe(`POST /v1/refunds refund:${payment.id}`);
    expect(
      (await s.gql(REFUND, { id: payment.id, r: 'again' }, f.adminToken)).errors?.[0]?.extensions?.code,
    ).toBe('CONFLICT');
    expect((await session(issued.session.id)).amountDue.amount).toBe(400);
    const after = await revenue();
    expect(after.net.amount).toBe(400);
    expect(after.bySize.find((r) => r.size === 'MEDIUM')).toMatchObject({
      captured: { amount: 800 },
      refunded: { amount: 400 },
    });
    const usage = ok(
      await s.gql<{ usageReport: { buckets: { revenue: { amount: number } }[] } }>(
        `query($s:ID,$f:DateTime!,$t:DateTime!){ usageReport(siteId:$s, from:$f, to:$t, bucket:DAY){ buckets { revenue { amount } } } }`,
        { s: f.siteId, f: range.from, t: range.to },
        f.adminToken,
      ),
    ).usageReport;
    expect(usage.buckets.reduce((a, b) => a + b.revenue.amount, 0)).toBe(400);
  });

  const event = (type: string, intent: string, created: number, amount = 400) =>
    JSON.stringify({
      id: `evt_${type}_${created}`,
      object: 'event',
      type,
      created,
      data: {
        object: {
          id: intent,
          object: 'payment_intent',
          amount,
          amount_received: type === 'payment_intent.succeeded' ? amount : 0,
        },
      },
    });

  test('a declined attempt then a successful one on the same PaymentIntent ends CAPTURED; a stale decline after it changes nothing', async () => {
    const issued = await issue(s, f, 'MEDIUM');
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    const before = api.calls.length;
    ok(
      await s.gql(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`,
        { id: issued.session.id },
        f.kioskToken,
      ),
    );
    const intent = `pi_test_${api.calls.filter((c) => c.startsWith('POST /v1/payment_intents ')).length}`;
    const t = Math.floor(Date.now() / 1000);
    expect((await hook(event('payment_intent.payment_failed', intent, t))).status).toBe(200); // card declined
    expect((await session(issued.session.id)).payments).toEqual([{ status: 'DECLINED', provider: 'stripe' }]);
    expect((await hook(event('payment_intent.succeeded', intent, t + 5))).status).toBe(200); // another card on the same intent
    expect(await session(issued.session.id)).toEqual({
      amountDue: { amount: 0 },
      payments: [{ status: 'CAPTURED', provider: 'stripe' }],
    });
    expect((await hook(event('payment_intent.payment_failed', intent, t + 1))).status).toBe(200); // redelivered late
    expect(await session(issued.session.id)).toEqual({
      amountDue: { amount: 0 },
      payments: [{ status: 'CAPTURED', provider: 'stripe' }],
    });
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    expect(api.calls.slice(before).filter((c) => c.startsWith('POST /v1/payment_intents '))).toHaveLength(1); // no second charge
  });

  test('an automatic refund goes to Stripe after the commit, once, with the payment as its idempotency key', async () => {
    const issued = await issue(s, f, 'MEDIUM');
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    const payment = ok(
      await s.gql<{ createPayment: { id: string } }>(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`,
        { id: issued.session.id },
        f.kioskToken,
      ),
    ).createPayment;
    const intent = `pi_test_${api.calls.filter((c) => c.startsWith('POST /v1/payment_intents ')).length}`;
    expect((await hook(succeeded(intent, 400))).status).toBe(200);
    ok(
      await s.gql(
        `mutation($id:ID!){ endSession(sessionId:$id, reason:"changed plans"){ status } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    );
    await s.app.tick();
    await s.app.tick();
    expect(api.calls.filter((c) => c === `POST /v1/refunds refund:${payment.id}`)).toHaveLength(1);
    const after = ok(
      await s.gql<{
        session: { payments: { status: string; refundAutomatic: boolean; refundSentAt: string | null }[] };
      }>(
        `query($id:ID!){ session(id:$id){ payments { status refundAutomatic refundSentAt } } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    ).session;
    expect(after.payments).toMatchObject([{ status: 'REFUNDED', refundAutomatic: true }]);
    expect(after.payments[0]!.refundSentAt).toBeTruthy();
  });
});
