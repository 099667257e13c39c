import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, ok, REPORT, type Fixture } from '../support/fixtures.js';
import { OneAtATime } from '../../src/shared/one-at-a-time.js';

/**
 * A gateway that reports every bank at once (after an outage, or a site-wide power cut) sent
 * its batches side by side, and each batch holds a database connection for its whole
 * transaction: twenty banks took every connection of the pool, and a traveller's scan waited
 * behind all of them. A gateway's batches are applied one at a time, in the order they came.
 */
describe("a gateway's batches: one at a time", () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 40 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('ten banks reported at once hold one transaction at a time, and every reading is applied', async () => {
    const ids = f.compartments.map((c) => c.id);
    let peak = 0;
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const { rows } = await db.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`,
        );
        peak = Math.max(peak, rows[0]!.n);
      }
    })();
    const at = new Date().toISOString();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, bank) =>
        s.gql<{ reportDoorStates: boolean }>(
          REPORT,
          {
            r: ids
              .slice(bank * 4, bank * 4 + 4)
              .map((compartmentId) => ({ compartmentId, state: 'OPEN', at })),
          },
          f.gatewayToken,
        ),
      ),
    );
    watching = false;
    await watch;
    for (const a of answers) expect(ok(a).reportDoorStates).toBe(true);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from compartment where id = any($1::uuid[]) and door_state = 'OPEN'`,
      [ids],
    );
    expect(rows[0]!.n).toBe(40);
    // one batch's transaction, and room for the server's own background work (the timer loop,
    // the outbox relay) at the same moment; the ten batches side by side held 9
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(3);
  });
});

describe('one at a time per key', () => {
  test('in the order given, after failures too; other keys alongside; past the limit refused', async () => {
    const queue = new OneAtATime(3, () => new Error('busy'));
    const order: string[] = [];
    const step =
      (name: string, fail = false) =>
      async () => {
        order.push(`${name}+`);
        await new Promise((r) => setTimeout(r, 5));
        order.push(`${name}-`);
        if (fail) throw new Error(name);
        return name;
      };
    const a1 = queue.run('a', step('a1', true));
    const a2 = queue.run('a', step('a2'));
    const b1 = queue.run('b', step('b1'));
    const a3 = queue.run('a', step('a3'));
    await expect(queue.run('a', step('a4'))).rejects.toThrow('busy');
    await expect(a1).rejects.toThrow('a1');
    expect(await Promise.all([a2, a3, b1])).toEqual(['a2', 'a3', 'b1']);
    const as = order.filter((o) => o.startsWith('a'));
    expect(as).toEqual(['a1+', 'a1-', 'a2+', 'a2-', 'a3+', 'a3-']);
    expect(order.indexOf('b1+')).toBeLessThan(order.indexOf('a1-'));
    expect([queue.queued('a'), queue.queued('b')]).toEqual([0, 0]);
  });
});
