import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { ManualClock } from '../../src/shared/clock.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, issue, ok, scan, type Fixture } from '../support/fixtures.js';

describe('a lost code is recovered with a one-time code sent to the contact', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s);
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('start answers true for anyone; complete revokes the old code and returns a new one', async () => {
    const issued = await issue(s, f, 'SMALL', { email: 'lost@example.com' });
    const start = `mutation($s:ID!,$c:ContactInput!){ startAccessRecovery(siteId:$s, contact:$c) }`;
    expect(ok(await s.gql(start, { s: f.siteId, c: { email: 'nobody@example.com' } }))).toEqual({
      startAccessRecovery: true,
    });
    expect(ok(await s.gql(start, { s: f.siteId, c: { email: 'Lost@Example.com' } }))).toEqual({
      startAccessRecovery: true,
    });
    const msg = (
      await db.query(
        `select body from notification where recipient = 'lost@example.com' and dedupe_key like 'recovery:%'`,
      )
    ).rows[0];
    const code = /(\d{6})/.exec(msg.body)![1]!;
    const complete = `mutation($s:ID!,$c:ContactInput!,$o:String!){ completeAccessRecovery(siteId:$s, contact:$c, oneTimeCode:$o){ session { id } code { payload } } }`;
    const wrong = await s.gql(complete, {
      s: f.siteId,
      c: { email: 'lost@example.com' },
      o: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'oneTimeCode' });
    const done = ok(
      await s.gql<{ completeAccessRecovery: { session: { id: string }; code: { payload: string } } }>(
        complete,
        { s: f.siteId, c: { email: 'lost@example.com' }, o: code },
      ),
    );
    expect(done.completeAccessRecovery.session.id).toBe(issued.session.id);
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('INVALID_CODE');
    expect((await scan(s, f, done.completeAccessRecovery.code.payload)).outcome).toBe(
      'UNLOCKING_FOR_DEPOSIT',
    );
    // the same one-time code cannot be used twice
    expect(
      (await s.gql(complete, { s: f.siteId, c: { email: 'lost@example.com' }, o: code })).errors?.[0]
        ?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
  });

  test('feedback is stored against the session of the code', async () => {
    const issued = await issue(s, f, 'SMALL');
    expect(
      ok(
        await s.gql(`mutation($p:String!){ submitFeedback(payload:$p, rating:5, comment:"smooth") }`, {
          p: issued.code.payload,
        }),
      ),
    ).toEqual({ submitFeedback: true });
    expect(
      (
        await s.gql(`mutation($p:String!){ submitFeedback(payload:$p, rating:9) }`, {
          p: issued.code.payload,
        })
      ).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rating' });
    const row = (
      await db.query(`select rating, comment from feedback where session_id = $1`, [issued.session.id])
    ).rows[0];
    expect(row).toEqual({ rating: 5, comment: 'smooth' });
  });
});

describe('a wrong one-time code says how many tries are left; "send again" is limited per contact', () => {
  let s: TestServer;
  let f: Fixture;
  const clock = new ManualClock();
  const START = `mutation($s:ID!,$c:ContactInput!){ startAccessRecovery(siteId:$s, contact:$c) }`;
  const COMPLETE = `mutation($s:ID!,$c:ContactInput!,$o:String!){ completeAccessRecovery(siteId:$s, contact:$c, oneTimeCode:$o){ session { id } } }`;
  beforeAll(async () => {
    // the per-address limit of wrong codes (a minute's worth) is not what this test is about
    s = await startTestServer({ clock, env: { RATE_LIMIT_FAILED_SCANS: '100' } });
    f = await createSite(s);
  });
  afterAll(() => s.stop());

  const tryCode = async (email: string, code: string) =>
    (await s.gql(COMPLETE, { s: f.siteId, c: { email }, o: code }, f.kioskToken)).errors?.[0]?.extensions;
  const send = async (email: string) => s.gql(START, { s: f.siteId, c: { email } }, f.kioskToken);
  const refusal = async (email: string) => (await send(email)).errors?.[0]?.extensions;

  test('tries left count down to none, the same for a known contact and an unknown one', async () => {
    await issue(s, f, 'SMALL', { email: 'known@example.com' });
    for (const email of ['known@example.com', 'stranger@example.com']) {
      ok(await send(email));
      // a code can be right by chance 1 in a million; two different wrong guesses cannot both be
      const left = [];
      for (const guess of ['000000', '111111', '222222', '333333', '444444', '555555'])
        left.push((await tryCode(email, guess))?.attemptsLeft);
      expect(left.filter((n) => n !== undefined)).toEqual([4, 3, 2, 1, 0, 0]);
    }
  });

  test('a resend waits 30 s after the last one and three go per 15 minutes, for anyone', async () => {
    for (const email of ['again@example.com', 'nobody-here@example.com']) {
      ok(await send(email));
      const tooSoon = await refusal(email);
      expect(tooSoon).toMatchObject({ code: 'RATE_LIMITED' });
      expect(tooSoon?.retryAfterSeconds).toBeGreaterThan(0);
      expect(tooSoon?.retryAfterSeconds).toBeLessThanOrEqual(30);
      clock.advance(31_000);
      ok(await send(email));
      clock.advance(31_000);
      ok(await send(email));
      clock.advance(31_000);
      const fourth = await refusal(email);
      expect(fourth).toMatchObject({ code: 'RATE_LIMITED' });
      expect(fourth?.retryAfterSeconds).toBeGreaterThan(30);
      clock.advance(15 * 60_000);
      ok(await send(email));
    }
  });
});
