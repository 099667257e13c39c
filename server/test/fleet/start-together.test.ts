import { afterAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../support/test-server.js';
import { startChildServer, type ChildServer } from '../support/child-server.js';

/**
 * Instances of a rolling deployment start together on a database none of them has migrated:
 * the migrations run under one advisory lock, so all of them come up on the same schema.
 */
describe('several instances started at once on an empty database', () => {
  const started: ChildServer[] = [];
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
  });

  test('three instances all come up', async () => {
    const database = await createTestDatabase();
    try {
      const results = await Promise.allSettled([0, 1, 2].map(() => startChildServer({ DATABASE_URL: database.url })));
      for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
      expect(results.map((r) => (r.status === 'fulfilled' ? 'up' : String(r.reason)))).toEqual(['up', 'up', 'up']);
      for (const s of started) expect((await fetch(`http://127.0.0.1:${s.port}/readyz`)).status).toBe(200);
    } finally {
      await Promise.all(started.splice(0).map((s) => s.stop()));
      await database.drop();
    }
  }, 120_000);
});
