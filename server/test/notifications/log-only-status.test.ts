import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, scan, type Fixture } from '../support/fixtures.js';

describe('a notification adapter that only logs says so', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  beforeAll(async () => {
    s = await startTestServer(); // no SMTP_URL, and no SMS carrier: both channels only log
    f = await createSite(s);
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('messages that only went to the log are LOGGED, never SENT', async () => {
    const issued = await issue(s, f, 'SMALL', { email: 'log@example.com', phone: '+4915112345678' });
    const r = await scan(s, f, issued.code.payload);
    await door(s, f, r.compartment!.id, 'OPEN');
    await door(s, f, r.compartment!.id, 'CLOSED');
    await scan(s, f, issued.code.payload);
    await door(s, f, r.compartment!.id, 'OPEN');
    await door(s, f, r.compartment!.id, 'CLOSED');
    await s.app.tick();
    const rows = (
      await db.query(
        `select channel, status from notification where recipient in ('log@example.com', '+4915112345678') order by channel`,
      )
    ).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((x) => x.channel))).toEqual(new Set(['EMAIL', 'SMS']));
    expect(rows.every((x) => x.status === 'LOGGED')).toBe(true);
  });
});
