import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { minutesOverdue, overdueFee } from '../../src/modules/sessions/charges.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, scan, type Fixture } from '../support/fixtures.js';

const READ = `query($s:ID!,$p:String!){ sessionByAccessCode(siteId:$s,payload:$p){ status overdue dueAt amountDue { amount } terms { overduePerHour { amount } overdueFee { amount currency } minutesOverdue } } }`;

type Read = {
  status: string;
  overdue: boolean;
  dueAt: string | null;
  amountDue: { amount: number };
  terms: {
    overduePerHour: { amount: number };
    overdueFee: { amount: number; currency: string };
    minutesOverdue: number;
  };
};

const MIN = 60_000;

describe('the overdue rules as pure functions', () => {
  const base = {
    status: 'STORED',
    price: 0,
    overduePerHour: 200,
    graceMinutes: 15,
    dueAt: new Date('2026-01-01T10:00:00Z'),
    retrievedAt: null,
    paid: 0,
  };
  test('minutes over count from dueAt, the fee only once past the grace, per started hour', () => {
    const at = (m: number) => new Date(base.dueAt.getTime() + m * MIN);
    expect(minutesOverdue(base, at(-5))).toBe(0);
    expect(minutesOverdue(base, at(10))).toBe(10);
    expect(overdueFee(base, at(10))).toBe(0); // inside the grace
    expect(overdueFee(base, at(16))).toBe(200);
    expect(minutesOverdue(base, at(61))).toBe(61);
    expect(overdueFee(base, at(61))).toBe(400);
  });
  test('a collected session stops counting at pick-up; a cancelled one never counts', () => {
    const done = { ...base, status: 'COMPLETED', retrievedAt: new Date(base.dueAt.getTime() + 30 * MIN) };
    expect(minutesOverdue(done, new Date(base.dueAt.getTime() + 500 * MIN))).toBe(30);
    expect(minutesOverdue({ ...base, status: 'CANCELLED' }, new Date(base.dueAt.getTime() + 500 * MIN))).toBe(
      0,
    );
  });
});

describe('an overdue bag: what the kiosk and the phone read', () => {
  let s: TestServer;
  let f: Fixture;
  const clock = new ManualClock();
  const read = async (payload: string) =>
    ok(await s.gql<{ sessionByAccessCode: Read }>(READ, { s: f.siteId, p: payload }, f.kioskToken))
      .sessionByAccessCode;
  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, { counts: { SMALL: 1 } }); // free, 60 min included, 2.00 per hour, 15 min grace
  });
  afterAll(() => s.stop());

  test('due time, minutes over, the fee so far and what is due, read at the server clock', async () => {
    const a = await issue(s, f, 'SMALL');
    const opened = await scan(s, f, a.code.payload);
    expect(opened.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    await door(s, f, opened.compartment!.id, 'OPEN', clock.now());
    clock.advance(1000);
    await door(s, f, opened.compartment!.id, 'CLOSED', clock.now());
    const stored = await read(a.code.payload);
    expect(stored).toMatchObject({
      status: 'STORED',
      overdue: false,
      terms: { overdueFee: { amount: 0, currency: 'EUR' }, minutesOverdue: 0 },
    });

    clock.set(new Date(new Date(stored.dueAt!).getTime() + 70 * MIN));
    const late = await read(a.code.payload);
    expect(late).toMatchObject({
      status: 'STORED',
      overdue: true,
      amountDue: { amount: 400 },
      terms: { overduePerHour: { amount: 200 }, overdueFee: { amount: 400 }, minutesOverdue: 70 },
    });
    const refused = await scan(s, f, a.code.payload);
    expect(refused.outcome).toBe('PAYMENT_REQUIRED');
    expect(refused.amountDue?.amount).toBe(400);
  });
});
