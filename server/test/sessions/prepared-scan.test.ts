import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, scan, type Fixture } from '../support/fixtures.js';

/**
 * A scan's reads and its write run as prepared statements on the server's pooled connections. A rolling
 * upgrade migrates the database while older instances still serve: a column added to the
 * tables a scan reads must not fail the statements those instances prepared before.
 */
describe("a scan's prepared reads across a migration by another instance", () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 12 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('columns added to sessions, compartments and banks leave deposits and retrievals working', async () => {
    // six deposits: a change's write is prepared from its fifth run (`runBuilt`)
    const stored: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { code } = await issue(s, f);
      const deposit = await scan(s, f, code.payload);
      expect(deposit.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
      await door(s, f, deposit.compartment!.id, 'OPEN');
      await door(s, f, deposit.compartment!.id, 'CLOSED', new Date(Date.now() + 1000));
      stored.push(code.payload);
    }

    await db.query(`alter table storage_session add column added_later integer`);
    await db.query(`alter table compartment add column added_later integer`);
    await db.query(`alter table locker_bank add column added_later integer`);

    for (const payload of stored) {
      const retrieval = await scan(s, f, payload);
      expect(retrieval.outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    }
    for (let i = 0; i < 3; i++) {
      const { code } = await issue(s, f);
      expect((await scan(s, f, code.payload)).outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    }
  });
});
