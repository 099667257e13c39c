import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { formatMoney, toDecimalString } from '@lockers/common';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, scan } from '../support/fixtures.js';

// One price in minor units; three currencies with exponents 0, 2 and 3.
const PRICE = 1500;
const CASES = [
  { currency: 'JPY', major: '1500', text: '¥1,500' },
  { currency: 'EUR', major: '15.00', text: '€15.00' },
  { currency: 'KWD', major: '1.500', text: 'KWD 1.500' },
];

describe('JPY, EUR and KWD tariffs: the same amount in the API, scan messages, CSV and receipts', () => {
  let s: TestServer;
  let db: pg.Client;
  beforeAll(async () => {
    s = await startTestServer();
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test.each(CASES)('$currency', async ({ currency, major, text }) => {
    expect(toDecimalString({ amount: PRICE, currency })).toBe(major);
    expect(formatMoney({ amount: PRICE, currency }, 'en').replace(/\s/g, ' ')).toBe(text);
    const f = await createSite(s, { counts: { SMALL: 1 } });
    ok(
      await s.gql(
        `mutation($s:ID!,$c:String!,$p:Int!){ setTariff(siteId:$s,size:SMALL,price:$p,currency:$c,includedMinutes:60,overduePerHour:0,graceMinutes:0,securityAlertAfterMinutes:60){ id } }`,
        { s: f.siteId, c: currency, p: PRICE },
        f.adminToken,
      ),
    );
    const tariff = ok(
      await s.gql<{ site: { tariffs: { price: { amount: number; currency: string } }[] } }>(
        `query($s:ID!){ site(id:$s){ tariffs { price { amount currency } } } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).site.tariffs[0];
    expect(tariff?.price).toEqual({ amount: PRICE, currency }); // the API: minor units and the code

    const issued = await issue(s, f, 'SMALL', { email: `${currency.toLowerCase()}@example.com` });
    const due = await scan(s, f, issued.code.payload);
    expect(due.amountDue).toEqual({ amount: PRICE, currency });
    expect(due.message.replace(/\s/g, ' ')).toContain(text); // what the kiosk may show as the server's words
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
    await scan(s, f, issued.code.payload);
    await door(s, f, r.compartment!.id, 'OPEN');
    await door(s, f, r.compartment!.id, 'CLOSED');

    const receipt = (
      await db.query(`select body from notification where recipient = $1 and dedupe_key like 'receipt:%'`, [
        `${currency.toLowerCase()}@example.com`,
      ])
    ).rows[0]?.body as string;
    expect(receipt.replace(/\s/g, ' ')).toContain(`Paid: ${text}`);

    const range = {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 3_600_000).toISOString(),
      siteId: f.siteId,
    };
    const csv = async (name: string) =>
      (
        await (
          await fetch(
            `${s.url.replace('/graphql', '')}/reports/${name}.csv?${new URLSearchParams(range).toString()}`,
            { headers: { authorization: `Bearer ${f.adminToken}` } },
          )
        ).text()
      )
        .trim()
        .split('\r\n');
    const sessions = await csv('sessions');
    expect(sessions[0]).toMatch(/,currency,price_major_units,paid_major_units$/);
    expect(sessions[1]).toMatch(
      new RegExp(`,${currency},${major.replace('.', '\\.')},${major.replace('.', '\\.')}$`),
    );
    const revenue = await csv('revenue');
    expect(revenue.find((l) => l.startsWith('SMALL,'))).toBe(
      `SMALL,1,0,${currency},${major},${toDecimalString({ amount: 0, currency })},${toDecimalString({ amount: 0, currency })},${major}`,
    );
  });
});
