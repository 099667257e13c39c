import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, scan, type Fixture } from '../support/fixtures.js';

const PREVIEW = `query($id:ID!,$e:RefundEffect!){ refundPreview(paymentId:$id, effect:$e){ effect refunded { amount } amountDueNow { amount } amountDueAfter { amount } } }`;
const REFUND = `mutation($id:ID!,$e:RefundEffect!){ refundPayment(paymentId:$id, reason:"the kiosk was out of order", effect:$e){ status refundEffect refundedBy refundAutomatic } }`;

describe('refunds say what they do to the amount due', () => {
  let s: TestServer;
  let f: Fixture;
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { MEDIUM: 2 }, prices: { MEDIUM: 400 } });
  });
  afterAll(() => s.stop());

  const paidAndStored = async () => {
    const issued = await issue(s, f, 'MEDIUM');
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    const p = ok(
      await s.gql<{ createPayment: { id: string } }>(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`,
        { id: issued.session.id },
        f.kioskToken,
      ),
    ).createPayment;
    ok(
      await s.gql(
        `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:APPROVE){ status } }`,
        { id: p.id },
        f.kioskToken,
      ),
    );
    const r = await scan(s, f, issued.code.payload);
    await door(s, f, r.compartment!.id, 'OPEN');
    await door(s, f, r.compartment!.id, 'CLOSED');
    return { issued, paymentId: p.id };
  };
  const due = async (id: string) =>
    ok(
      await s.gql<{ session: { amountDue: { amount: number } } }>(
        `query($id:ID!){ session(id:$id){ amountDue { amount } } }`,
        { id },
        f.adminToken,
      ),
    ).session.amountDue.amount;

  test('WAIVE_FEE gives the money back and the fee stays settled: the traveller is not asked to pay again', async () => {
    const { issued, paymentId } = await paidAndStored();
    const preview = ok(
      await s.gql<{ refundPreview: unknown }>(PREVIEW, { id: paymentId, e: 'WAIVE_FEE' }, f.adminToken),
    ).refundPreview;
    expect(preview).toEqual({
      effect: 'WAIVE_FEE',
      refunded: { amount: 400 },
      amountDueNow: { amount: 0 },
      amountDueAfter: { amount: 0 },
    });
    expect(ok(await s.gql(REFUND, { id: paymentId, e: 'WAIVE_FEE' }, f.adminToken))).toEqual({
      refundPayment: {
        status: 'REFUNDED',
        refundEffect: 'WAIVE_FEE',
        refundedBy: 'user:admin@example.com',
        refundAutomatic: false,
      },
    });
    expect(await due(issued.session.id)).toBe(0);
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
  });

  test('CANCEL_CHARGE voids the charge: the preview shows it due again, and it is', async () => {
    const { issued, paymentId } = await paidAndStored();
    const preview = ok(
      await s.gql<{ refundPreview: unknown }>(PREVIEW, { id: paymentId, e: 'CANCEL_CHARGE' }, f.adminToken),
    ).refundPreview;
    expect(preview).toEqual({
      effect: 'CANCEL_CHARGE',
      refunded: { amount: 400 },
      amountDueNow: { amount: 0 },
      amountDueAfter: { amount: 400 },
    });
    expect(await due(issued.session.id)).toBe(0); // a preview changes nothing
    ok(await s.gql(REFUND, { id: paymentId, e: 'CANCEL_CHARGE' }, f.adminToken));
    expect(await due(issued.session.id)).toBe(400);
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
  });
});
