import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestServer } from '../support/test-server.js';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { startSmtpServer } from '../support/smtp.js';
import { createSite, issue, ok, waitFor } from '../support/fixtures.js';

/**
 * The outbox survives a crash: the state change commits with its message, the process is
 * SIGKILLed before any delivery runs, and the restarted server sends the message exactly once.
 */
describe('a server killed between a state change and its e-mail', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let db: pg.Client;
  let server: ChildServer | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpServer();
    db = new pg.Client({ connectionString: database.url });
  });
  afterAll(async () => {
    await db.end();
    await server?.stop();
    await smtp.close();
    await database.drop();
  });

  test('the one-time code is still sent, once, after a restart', async () => {
    const env = { DATABASE_URL: database.url, SMTP_URL: smtp.url, QUEUE_POLL_INTERVAL_MS: '500' };
    // the first process never gets to run its background pass (every 60 s) before it dies
    server = await startChildServer({ ...env, TIMER_INTERVAL_MS: '60000' });
    await db.connect();
    const f = await createSite(server as unknown as TestServer);
    await issue(server as unknown as TestServer, f, 'SMALL', { email: 'lost@example.com' });
    ok(
      await server.gql(`mutation($s:ID!,$c:ContactInput!){ startAccessRecovery(siteId:$s, contact:$c) }`, {
        s: f.siteId,
        c: { email: 'lost@example.com' },
      }),
    );
    const row = (
      await db.query(
        `select status, enqueued_at from notification where recipient = 'lost@example.com' and dedupe_key like 'recovery:%'`,
      )
    ).rows;
    expect(row).toEqual([{ status: 'PENDING', enqueued_at: null }]); // committed with the change, not yet handed on
    await server.kill();
    expect(smtp.mails).toHaveLength(0);

    server = await startChildServer({ ...env, TIMER_INTERVAL_MS: '100' });
    // the deposit's own e-mail (its code) was pending too: each goes out once
    const oneTimeCodeMails = () => smtp.mails.filter((m) => /one-time code is \d{6}/.test(m.raw));
    await waitFor(() => oneTimeCodeMails().length > 0, 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(oneTimeCodeMails()).toHaveLength(1);
    expect(oneTimeCodeMails()[0]!.to).toEqual(['lost@example.com']);
    expect(smtp.mails).toHaveLength(2);
    const sent = (
      await db.query(
        `select status, attempts, body from notification where recipient = 'lost@example.com' and dedupe_key like 'recovery:%'`,
      )
    ).rows;
    expect(sent).toEqual([{ status: 'SENT', attempts: 1, body: null }]); // the code is not kept once sent
  }, 120_000); // two server processes start in turn
});
