import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, heartbeat, issue, scan, type Fixture } from '../support/fixtures.js';

/**
 * A door report locks the compartments it reads (all of a bank's doors, in one transaction).
 * A deposit scan arriving meanwhile must wait the few milliseconds for a free one, not tell
 * the traveller that every locker is taken.
 */
describe('a deposit scan while a door report holds the compartments', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 2 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    await heartbeat(s, f);
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('free compartments locked by a report in progress: the scan opens one once the report commits', async () => {
    const a = await issue(s, f, 'SMALL');
    await db.query('begin');
    // what a door report of the bank does first: its compartments locked, in id order
    const locked = await db.query(`select id from compartment where site_id = $1 order by id for update`, [
      f.siteId,
    ]);
    expect(locked.rowCount).toBe(2);
    const scanned = scan(s, f, a.code.payload);
    await new Promise((r) => setTimeout(r, 300));
    await db.query('commit');
    const answer = await scanned;
    expect(answer.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  });

  test('a compartment the report fills meanwhile is skipped for the next free one', async () => {
    const b = await issue(s, f, 'SMALL');
    const free = await db.query<{ id: string }>(
      `select id from compartment where site_id = $1 and status = 'AVAILABLE' order by label`,
      [f.siteId],
    );
    expect(free.rowCount).toBe(1);
    await db.query('begin');
    await db.query(`select id from compartment where site_id = $1 order by id for update`, [f.siteId]);
    const scanned = scan(s, f, b.code.payload);
    await new Promise((r) => setTimeout(r, 300));
    // the report found the last free one taken out of service (a forced door, say)
    await db.query(
      `update compartment set status = 'OUT_OF_SERVICE', out_of_service_reason = 'test' where id = $1`,
      [free.rows[0]!.id],
    );
    await db.query('commit');
    expect((await scanned).outcome).toBe('NO_COMPARTMENT_AVAILABLE');
  });
});
