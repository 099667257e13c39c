import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, scan, waitFor, type Fixture } from '../support/fixtures.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const READ = `query($id: ID!) { site(id: $id) { availability { size free total } } }`;
type Read = { site: { availability: { size: string; free: number; total: number }[] } };

/**
 * Two instances on one PostgreSQL and one Redis, each with its own site read cache. The
 * instance that commits a change must show it on its next read (it does not wait for its own
 * event to come back from Redis); the other must drop its copy when the event arrives, well
 * before the cache's age limit (10 s) would.
 */
describe('two instances with Redis: availability caches follow each other', () => {
  let a: TestServer;
  let b: TestServer;
  let f: Fixture;
  let drop: () => Promise<void>;
  const small = async (s: TestServer) =>
    ok(await s.gql<Read>(READ, { id: f.siteId })).site.availability.find((x) => x.size === 'SMALL');

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    a = await startTestServer({ databaseUrl: db.url, env: { REDIS_URL } });
    b = await startTestServer({ databaseUrl: db.url, env: { REDIS_URL } });
    f = await createSite(a, { counts: { SMALL: 2 } });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await drop?.();
  });

  test('a deposit and an out-of-service change on A: A sees them at once, B within a moment', async () => {
    expect(await small(a)).toEqual({ size: 'SMALL', free: 2, total: 2 });
    expect(await small(b)).toEqual({ size: 'SMALL', free: 2, total: 2 }); // both caches filled
    const issued = await issue(a, f, 'SMALL');
    const deposit = await scan(a, f, issued.code.payload);
    expect(await small(a)).toEqual({ size: 'SMALL', free: 1, total: 2 });
    const start = Date.now();
    await waitFor(async () => (await small(b))?.free === 1, 3000);
    expect(Date.now() - start).toBeLessThan(3000);

    await door(a, f, deposit.compartment!.id, 'OPEN');
    await door(a, f, deposit.compartment!.id, 'CLOSED');
    const other = f.compartments.find((c) => c.id !== deposit.compartment!.id)!;
    ok(
      await b.gql(
        `mutation($c:ID!){ setCompartmentOutOfService(compartmentId:$c, outOfService:true, reason:"cleaning"){ id } }`,
        { c: other.id },
        f.adminToken,
      ),
    );
    expect(await small(b)).toEqual({ size: 'SMALL', free: 0, total: 1 }); // the writer, at once
    await waitFor(async () => (await small(a))?.total === 1, 3000);
    expect(await small(a)).toEqual({ size: 'SMALL', free: 0, total: 1 });
  });
});
