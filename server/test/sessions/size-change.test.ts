import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, heartbeat, issue, ok, scan, type Fixture } from '../support/fixtures.js';

const CHANGE = `mutation($s:ID!,$p:String!,$z:CompartmentSize!){ changeDepositSize(siteId:$s,payload:$p,size:$z){ outcome amountDue { amount } session { id status size } compartment { id label size } } }`;
const PAY = `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`;
const APPROVE = `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:APPROVE){ status } }`;
const SESSION = `query($id:ID!){ session(id:$id){ status size amountDue { amount } compartment { id size status } payments { status amount { amount } } } }`;

type Change = {
  outcome: string;
  amountDue: { amount: number } | null;
  session: { id: string; status: string; size: string } | null;
  compartment: { id: string; label: string; size: string } | null;
};
type Session = {
  status: string;
  size: string;
  amountDue: { amount: number };
  compartment: { id: string; size: string; status: string } | null;
  payments: { status: string; amount: { amount: number } }[];
};

describe('my bag does not fit: a deposit under way moves to a larger size, paying only the difference', () => {
  let s: TestServer;
  let f: Fixture;
  const change = async (payload: string, size: string) => {
    await heartbeat(s, f);
    return s.gql<{ changeDepositSize: Change }>(CHANGE, { s: f.siteId, p: payload, z: size }, f.kioskToken);
  };
  const session = async (id: string) =>
    ok(await s.gql<{ session: Session }>(SESSION, { id }, f.adminToken)).session;
  const compartmentStatus = async (id: string) =>
    ok(
      await s.gql<{ site: { compartments: { id: string; status: string }[] } }>(
        `query($s:ID!){ site(id:$s){ compartments { id status } } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).site.compartments.find((c) => c.id === id)?.status;
  const pay = async (id: string) => {
    const p = ok(await s.gql<{ createPayment: { id: string } }>(PAY, { id }, f.kioskToken)).createPayment;
    ok(await s.gql(APPROVE, { id: p.id }, f.kioskToken));
  };
  // Door readings only move forward in time: a reading older than the compartment's last one
  // is stale and ignored, and a test that follows within a second of another's closing
  // (stamped a second ahead) must not have its opening ignored.
  let lastReadingAt = 0;
  const readingAt = () => new Date((lastReadingAt = Math.max(Date.now(), lastReadingAt + 1000)));
  const store = async (compartmentId: string) => {
    await door(s, f, compartmentId, 'OPEN', readingAt());
    await door(s, f, compartmentId, 'CLOSED', readingAt());
  };

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, {
      counts: { SMALL: 2, MEDIUM: 2, LARGE: 1 },
      prices: { MEDIUM: 400, LARGE: 600 },
    });
  });
  afterAll(() => s.stop());

  test('free to paid: the open door is let go, the larger size is held and paid once, then stored', async () => {
    const a = await issue(s, f, 'SMALL');
    const first = await scan(s, f, a.code.payload);
    expect(first.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const small = first.compartment!.id;
    await door(s, f, small, 'OPEN', readingAt());

    const moved = ok(await change(a.code.payload, 'MEDIUM')).changeDepositSize;
    expect(moved).toMatchObject({
      outcome: 'PAYMENT_REQUIRED',
      amountDue: { amount: 400 },
      session: { status: 'CREATED', size: 'MEDIUM' },
    });
    expect(await compartmentStatus(small)).toBe('AVAILABLE');
    // the small door closing now stores nothing
    await door(s, f, small, 'CLOSED', readingAt());
    expect((await session(a.session.id)).status).toBe('CREATED');

    await pay(a.session.id);
    const opened = await scan(s, f, a.code.payload);
    expect(opened.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    expect(opened.compartment!.id).not.toBe(small);
    await store(opened.compartment!.id);
    const stored = await session(a.session.id);
    expect(stored).toMatchObject({
      status: 'STORED',
      size: 'MEDIUM',
      amountDue: { amount: 0 },
      compartment: { size: 'MEDIUM', status: 'OCCUPIED' },
    });
    expect(stored.payments).toEqual([{ status: 'CAPTURED', amount: { amount: 400 } }]);
  });

  test('paid to dearer: only the difference is asked for', async () => {
    const b = await issue(s, f, 'MEDIUM');
    expect((await scan(s, f, b.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    await pay(b.session.id);
    const first = await scan(s, f, b.code.payload);
    expect(first.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    await door(s, f, first.compartment!.id, 'OPEN', readingAt());
    const moved = ok(await change(b.code.payload, 'LARGE')).changeDepositSize;
    expect(moved).toMatchObject({ outcome: 'PAYMENT_REQUIRED', amountDue: { amount: 200 } });
    await pay(b.session.id);
    const opened = await scan(s, f, b.code.payload);
    expect(opened.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    await store(opened.compartment!.id);
    const stored = await session(b.session.id);
    expect(stored).toMatchObject({ status: 'STORED', size: 'LARGE', amountDue: { amount: 0 } });
    expect(stored.payments.map((p) => p.amount.amount).sort()).toEqual([200, 400]);
  });

  test('nothing changes when no larger compartment is free; smaller sizes and stored sessions are refused', async () => {
    const c = await issue(s, f, 'SMALL');
    const first = await scan(s, f, c.code.payload);
    expect(first.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    // the only LARGE is taken by the session above
    const none = ok(await change(c.code.payload, 'LARGE')).changeDepositSize;
    expect(none.outcome).toBe('NO_COMPARTMENT_AVAILABLE');
    expect(await session(c.session.id)).toMatchObject({
      status: 'DEPOSITING',
      size: 'SMALL',
      compartment: { id: first.compartment!.id, status: 'RESERVED' },
    });
    const smaller = await change(c.code.payload, 'SMALL');
    expect(smaller.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await store(first.compartment!.id);
    const stored = await change(c.code.payload, 'MEDIUM');
    expect(stored.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const unknown = ok(await change('LK1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'MEDIUM')).changeDepositSize;
    expect(unknown.outcome).toBe('INVALID_CODE');
  });
});
