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
      const results = await Promise.allSettled(
        [0, 1, 2].map(() => startChildServer({ DATABASE_URL: database.url })),
      );
      for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
      expect(results.map((r) => (r.status === 'fulfilled' ? 'up' : String(r.reason)))).toEqual([
        'up',
        'up',
        'up',
      ]);
      for (const s of started) expect((await fetch(`http://127.0.0.1:${s.port}/readyz`)).status).toBe(200);
    } finally {
      await Promise.all(started.splice(0).map((s) => s.stop()));
      await database.drop();
    }
  }, 120_000);
});

describe('migrations left to a separate step (MIGRATE_ON_START=false)', () => {
  test('an instance refuses an unmigrated database with one JSON line; `migrate` then lets it start', async () => {
    const { spawnSync } = await import('node:child_process');
    const database = await createTestDatabase();
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      MIGRATE_ON_START: 'false',
      AUTH_SECRET: 'test-secret-test-secret-test-secret-00',
      LOG_LEVEL: 'info',
    };
    const run = (script: string, ...args: string[]) =>
      spawnSync(process.execPath, ['--import', '@swc-node/register/esm-register', script, ...args], {
        cwd: `${import.meta.dirname}/../..`,
        env: { ...env, PORT: '0' },
        encoding: 'utf8',
        timeout: 60_000,
      });
    try {
      const refused = run('src/main.ts');
      expect(refused.status).toBe(1);
      const lines = (refused.stdout + refused.stderr).trim().split('\n');
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow(); // the crash is JSON too
      expect(
        lines
          .map((l) => JSON.parse(l) as { level: number; err?: { message: string } })
          .find((l) => l.level === 60)?.err?.message,
      ).toMatch(/migration\(s\) behind/);
      const migrated = run('src/cli.ts', 'migrate');
      expect(migrated.status).toBe(0);
      const s = await startChildServer({ DATABASE_URL: database.url, MIGRATE_ON_START: 'false' });
      await s.stop();
    } finally {
      await database.drop();
    }
  }, 120_000);
});
