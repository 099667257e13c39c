import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, keepPresent, login, ok, scanOnly, waitFor, type Fixture } from '../support/fixtures.js';
import { startSmtpServer } from '../support/smtp.js';
import { startSmsCarrier } from '../support/sms-carrier.js';

const ISSUE = `mutation($s:ID!,$c:ContactInput){ issueAccessCode(siteId:$s,size:SMALL,contact:$c){
  session { id } code { payload shortCode } } }`;
const SEND = `mutation($id:ID!,$c:CodeChannel!,$r:String!){ sendNewAccessCode(sessionId:$id,channel:$c,reason:$r){
  channel sentTo session { id status } } }`;
const PASSWORD = 'a-long-password-1';
const PHONE = '+33612345678';
const EMAIL = 'voyageuse@example.com';

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  r.errors?.[0]?.extensions?.code;

describe('support sends a new code to the depositor’s e-mail or phone on file', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let carrier: Awaited<ReturnType<typeof startSmsCarrier>>;
  const account = async (email: string, role: string) => {
    ok(
      await s.gql(
        `mutation($e:String!,$r:Role!){ createUser(email:$e,password:"${PASSWORD}",role:$r){ id } }`,
        { e: email, r: role },
        f.adminToken,
      ),
    );
    return login(s, email, PASSWORD);
  };
  const issue = async (contact: Record<string, string>) =>
    ok(
      await s.gql<{
        issueAccessCode: { session: { id: string }; code: { payload: string; shortCode: string } };
      }>(ISSUE, { s: f.siteId, c: contact }, f.kioskToken),
    ).issueAccessCode;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    carrier = await startSmsCarrier();
    s = await startTestServer({
      background: true,
      env: {
        SMTP_URL: smtp.url,
        SMS_API_URL: carrier.url,
        SMS_ACCOUNT_SID: 'AC0123',
        SMS_AUTH_TOKEN: 'sms-auth-token-0123456789abcdef',
        SMS_FROM: '+15005550006',
        QUEUE_POLL_INTERVAL_MS: '500',
      },
    });
    f = await createSite(s, { counts: { SMALL: 2 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await s?.stop();
    await smtp?.close();
    await carrier?.close();
  });

  test('by SMS only, in French: the old code is refused, the new one opens, the sender is in the audit log', async () => {
    const issued = await issue({ email: EMAIL, phone: PHONE, language: 'FR' });
    const id = issued.session.id;
    // the code sent at issue, by both channels
    await waitFor(() =>
      carrier.requests.some((r) => (r.form.get('Body') ?? '').includes(issued.code.shortCode)),
    );
    await waitFor(() => smtp.mails.some((m) => m.to.includes(EMAIL)));
    const mailsBefore = smtp.mails.length;
    const smsBefore = carrier.requests.length;

    const operator = await account('olga@example.com', 'OPERATOR');
    const sent = ok(
      await s.gql<{ sendNewAccessCode: { channel: string; sentTo: string } }>(
        SEND,
        { id, c: 'SMS', r: 'lost the paper ticket' },
        operator,
      ),
    ).sendNewAccessCode;
    expect(sent).toMatchObject({ channel: 'SMS', sentTo: '•••5678' });

    const sms = await waitFor(() => carrier.requests.slice(smsBefore).find((r) => r.status === 201), 15_000);
    const body = sms.form.get('Body') ?? '';
    expect(sms.form.get('To')).toBe(PHONE);
    const fresh = /Votre code : ([A-Z0-9-]+)/.exec(body)?.[1];
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(issued.code.shortCode);
    // nothing by e-mail: the operator chose the phone
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.mails.length).toBe(mailsBefore);

    const stopPresence = await keepPresent(s, f); // the site's gateway is online: the lockers can open
    try {
      expect((await scanOnly(s, f, issued.code.payload)).outcome).toBe('INVALID_CODE');
      expect((await scanOnly(s, f, fresh!)).outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    } finally {
      stopPresence();
    }

    const { rows } = await db.query(
      `select actor_name, summary from audit_entry where action = 'session.send-code' and subject_id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        actor_name: 'olga@example.com',
        summary: 'New access code sent by SMS to •••5678: lost the paper ticket',
      },
    ]);
  });

  test('three sends per session per hour, then RATE_LIMITED with when to try again', async () => {
    const { session } = await issue({ email: 'rate@example.com' });
    for (let i = 0; i < 3; i++)
      ok(await s.gql(SEND, { id: session.id, c: 'EMAIL', r: `try ${i}` }, f.adminToken));
    const refused = await s.gql(SEND, { id: session.id, c: 'EMAIL', r: 'once more' }, f.adminToken);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(
      Number((refused.errors?.[0]?.extensions as { retryAfterSeconds?: number }).retryAfterSeconds),
    ).toBeGreaterThan(3000);
    // another session is not held back by this one's count
    const other = await issue({ email: 'other@example.com' });
    ok(await s.gql(SEND, { id: other.session.id, c: 'EMAIL', r: 'fine' }, f.adminToken));
  });

  test('a VIEWER, an API key and a kiosk are refused; a missing contact and a bad reason are typed errors', async () => {
    const { session } = await issue({ email: 'only-mail@example.com' });
    const viewer = await account('vic@example.com', 'VIEWER');
    expect(codeOf(await s.gql(SEND, { id: session.id, c: 'EMAIL', r: 'x' }, viewer))).toBe('FORBIDDEN');
    expect(codeOf(await s.gql(SEND, { id: session.id, c: 'EMAIL', r: 'x' }, f.kioskToken))).toBe('FORBIDDEN');
    const key = ok(
      await s.gql<{ createApiKey: { secret: string } }>(
        `mutation { createApiKey(name:"crm", scopes:["sessions:read","sessions:write"]){ secret } }`,
        {},
        f.adminToken,
      ),
    ).createApiKey.secret;
    expect(codeOf(await s.gql(SEND, { id: session.id, c: 'EMAIL', r: 'x' }, key))).toBe('FORBIDDEN');
    const noPhone = await s.gql(SEND, { id: session.id, c: 'SMS', r: 'x' }, f.adminToken);
    expect(noPhone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'channel' });
    const blank = await s.gql(SEND, { id: session.id, c: 'EMAIL', r: '  ' }, f.adminToken);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    // nothing refused was recorded as sent
    const { rows } = await db.query(
      `select count(*)::int as n from audit_entry where action = 'session.send-code' and subject_id = $1`,
      [session.id],
    );
    expect(rows[0].n).toBe(0);
  });
});
