import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, ok, scan, waitFor, type Fixture } from '../support/fixtures.js';
import { startSmtpServer } from '../support/smtp.js';
import { startSmsCarrier } from '../support/sms-carrier.js';
import { loadConfig, ConfigError } from '../../src/config/config.js';

const ISSUE = `mutation($s:ID!,$c:ContactInput){ issueAccessCode(siteId:$s,size:SMALL,contact:$c){
  session { id terms { codeValidUntil } } code { payload shortCode } } }`;
type Issued = {
  session: { id: string; terms: { codeValidUntil: string } };
  code: { payload: string; shortCode: string };
};

const TOKEN = 'sms-auth-token-0123456789abcdef';
const PHONE = '+4915112345678';
const EMAIL = 'reisende@example.com';

/** An RFC 2047 (Q-encoded UTF-8) header as the mail client shows it. */
const decodeHeader = (raw: string) =>
  raw.replace(/\?=\s+=\?UTF-8\?Q\?/gi, '').replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) =>
    Buffer.from(
      q
        .replace(/_/g, ' ')
        .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8'),
  );

/** The time as a traveller in Berlin reads it, independently of the server's formatting. */
const berlinClock = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

describe('the code and the receipt by SMS and e-mail, in the depositor’s language and the site’s time', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let carrier: Awaited<ReturnType<typeof startSmsCarrier>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    carrier = await startSmsCarrier();
    s = await startTestServer({
      background: true,
      env: {
        SMTP_URL: smtp.url,
        SMS_API_URL: carrier.url,
        SMS_ACCOUNT_SID: 'AC0123',
        SMS_AUTH_TOKEN: TOKEN,
        SMS_FROM: '+15005550006',
        DELIVERY_RETRY_DELAY_SECONDS: '1',
        QUEUE_POLL_INTERVAL_MS: '500',
        TIMER_INTERVAL_MS: '100',
      },
    });
    f = await createSite(s, { counts: { SMALL: 1 } }); // "Test Station", Europe/Berlin
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await s?.stop();
    await smtp?.close();
    await carrier?.close();
  });

  test('at issue: the short code by SMS (retried after the carrier failed once) and by e-mail, in German, Berlin time', async () => {
    carrier.failNext = 1;
    const issued = ok(
      await s.gql<{ issueAccessCode: Issued }>(
        ISSUE,
        { s: f.siteId, c: { email: EMAIL, phone: PHONE, language: 'DE' } },
        f.kioskToken,
      ),
    ).issueAccessCode;
    const { shortCode, payload } = issued.code;

    const sms = await waitFor(() => carrier.requests.find((r) => r.status === 201), 15_000);
    expect(carrier.requests[0]!.status).toBe(500); // the first attempt failed, the queue retried it
    expect(sms.path).toBe('/2010-04-01/Accounts/AC0123/Messages.json');
    expect(sms.authorization).toBe(`Basic ${Buffer.from(`AC0123:${TOKEN}`).toString('base64')}`);
    expect(sms.form.get('To')).toBe(PHONE);
    expect(sms.form.get('From')).toBe('+15005550006');
    const text = sms.form.get('Body') ?? '';
    expect(text).toContain(`Ihr Code: ${shortCode}`);
    expect(text).toContain(payload);
    expect(text).toContain(`Bitte verstauen Sie Ihr Gepäck vor`);
    expect(text).toContain(berlinClock(issued.session.terms.codeValidUntil));
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/); // no UTC ISO timestamps
    expect(text).toContain('Kostenlos für');

    const mail = await waitFor(() => smtp.mails.find((m) => m.to.includes(EMAIL)), 10_000);
    expect(decodeHeader(/^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(mail.raw)?.[1] ?? '')).toBe(
      `Ihr Schließfach-Code bei Test Station: ${shortCode}`,
    );

    // the code is a secret: once sent, the outbox keeps neither its text nor the QR payload
    // (the outbox marks a delivery SENT just after the carrier answered: wait for that commit)
    const rows = await waitFor(async () => {
      const { rows: found } = await db.query(
        `select channel, status, attempts, body from notification where session_id = $1 order by channel`,
        [issued.session.id],
      );
      return found.every((r: { status: string }) => r.status !== 'PENDING') && found;
    });
    expect(rows).toEqual([
      { channel: 'EMAIL', status: 'SENT', attempts: 1, body: null },
      { channel: 'SMS', status: 'SENT', attempts: 2, body: null },
    ]);
    const logs = (
      await db.query(`select last_error from notification where session_id = $1`, [issued.session.id])
    ).rows;
    expect(JSON.stringify(logs)).not.toContain(TOKEN);

    // deposit and collect: the receipt follows in German with Berlin times
    const r = await scan(s, f, payload);
    await door(s, f, r.compartment!.id, 'OPEN');
    await door(s, f, r.compartment!.id, 'CLOSED');
    await scan(s, f, shortCode);
    await door(s, f, r.compartment!.id, 'OPEN');
    await door(s, f, r.compartment!.id, 'CLOSED');
    const receipt = await waitFor(
      () => carrier.requests.find((x) => (x.form.get('Body') ?? '').startsWith('Ihr Schließfach-Beleg')),
      15_000,
    );
    const body = receipt.form.get('Body') ?? '';
    expect(body).toContain('bei Test Station');
    expect(body).toContain('Bezahlt: 0,00');
    expect(body).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  });

  test('a language that is not offered is refused, and nothing is issued', async () => {
    const before = (await db.query(`select count(*)::int as n from storage_session`)).rows[0].n;
    const r = await s.gql(ISSUE, { s: f.siteId, c: { phone: PHONE, language: 'IT' } }, f.kioskToken);
    expect(r.errors?.[0]?.message).toMatch(/Language/);
    expect((await db.query(`select count(*)::int as n from storage_session`)).rows[0].n).toBe(before);
  });

  test('an SMS configuration with a part missing stops the start, naming the variables but never the token', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'test', SMS_ACCOUNT_SID: 'AC0123', SMS_AUTH_TOKEN: TOKEN });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = JSON.stringify((error as ConfigError).problems);
    expect(text).toContain('SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM go together');
    expect(text).not.toContain(TOKEN);
  });
});
