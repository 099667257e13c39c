import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, scan, type Fixture } from '../support/fixtures.js';

const TERMS = `query($s:ID!,$p:String!){ sessionByAccessCode(siteId:$s,payload:$p){ createdAt terms { price { amount currency } includedMinutes overduePerHour { amount } graceMinutes amountPaid { amount } codeValidUntil } } }`;
const PAY = `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`;
const APPROVE = `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:APPROVE){ status } }`;

type Terms = {
  createdAt: string;
  terms: {
    price: { amount: number; currency: string };
    includedMinutes: number;
    overduePerHour: { amount: number };
    graceMinutes: number;
    amountPaid: { amount: number };
    codeValidUntil: string | null;
  };
};

describe("a session's terms: what the ticket and the kiosk tell the traveller", () => {
  let s: TestServer;
  let f: Fixture;
  const terms = async (payload: string) =>
    ok(await s.gql<{ sessionByAccessCode: Terms }>(TERMS, { s: f.siteId, p: payload }, f.kioskToken))
      .sessionByAccessCode;
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { MEDIUM: 1 }, prices: { MEDIUM: 400 } });
  });
  afterAll(() => s.stop());

  test('price, included time, rate and code validity at issue; what was paid; no code deadline once stored', async () => {
    const a = await issue(s, f, 'MEDIUM');
    const before = await terms(a.code.payload);
    expect(before.terms).toMatchObject({
      price: { amount: 400, currency: 'EUR' },
      amountPaid: { amount: 0 },
    });
    expect(before.terms.includedMinutes).toBeGreaterThan(0);
    // the site's code lifetime (60 minutes by default), from issue
    expect(new Date(before.terms.codeValidUntil!).getTime() - new Date(before.createdAt).getTime()).toBe(
      60 * 60_000,
    );

    expect((await scan(s, f, a.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    const p = ok(
      await s.gql<{ createPayment: { id: string } }>(PAY, { id: a.session.id }, f.kioskToken),
    ).createPayment;
    ok(await s.gql(APPROVE, { id: p.id }, f.kioskToken));
    expect((await terms(a.code.payload)).terms.amountPaid.amount).toBe(400);

    const opened = await scan(s, f, a.code.payload);
    await door(s, f, opened.compartment!.id, 'OPEN');
    await door(s, f, opened.compartment!.id, 'CLOSED', new Date(Date.now() + 1000));
    expect((await terms(a.code.payload)).terms).toMatchObject({
      codeValidUntil: null,
      amountPaid: { amount: 400 },
    });
  });
});

describe('after a collection: the receipt the kiosk can point to', () => {
  let s: TestServer;
  let f: Fixture;
  const RECEIPT = `query($s:ID!,$p:String!){ sessionByAccessCode(siteId:$s,payload:$p){ id status terms { receiptReference } } }`;
  const read = async (payload: string) =>
    ok(
      await s.gql<{
        sessionByAccessCode: { id: string; status: string; terms: { receiptReference: string | null } };
      }>(RECEIPT, { s: f.siteId, p: payload }, f.kioskToken),
    ).sessionByAccessCode;
  const storeAndCollect = async (contact?: { email: string }) => {
    const a = await issue(s, f, 'SMALL', contact);
    const opened = await scan(s, f, a.code.payload);
    await door(s, f, opened.compartment!.id, 'OPEN');
    await door(s, f, opened.compartment!.id, 'CLOSED');
    expect((await read(a.code.payload)).terms.receiptReference).toBeNull(); // not collected yet
    const again = await scan(s, f, a.code.payload);
    expect(again.outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    await door(s, f, again.compartment!.id, 'OPEN');
    await door(s, f, again.compartment!.id, 'CLOSED');
    return read(a.code.payload);
  };
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 1 } });
  });
  afterAll(() => s.stop());

  test('with a contact: the reference the e-mailed receipt carries; without one: none', async () => {
    const mailed = await storeAndCollect({ email: 'traveller@example.com' });
    expect(mailed.status).toBe('COMPLETED');
    expect(mailed.terms.receiptReference).toBe(mailed.id);
    const anonymous = await storeAndCollect();
    expect(anonymous.status).toBe('COMPLETED');
    expect(anonymous.terms.receiptReference).toBeNull();
  });
});
