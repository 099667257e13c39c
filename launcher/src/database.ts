/**
 * A throwaway database for a launcher run: a fresh database on the local PostgreSQL when
 * there is one (created and dropped here), else nothing (the server then starts its
 * embedded PostgreSQL in a data dir of our choosing).
 */
import { randomBytes } from 'node:crypto';
import { run } from './child.js';

/** A database for one run; `url` null means "let the server embed PostgreSQL". */
export interface ScratchDatabase {
  url: string | null;
  drop(): Promise<void>;
}

/** Creates `<prefix>_<random>` on `adminUrl` (default local PostgreSQL); falls back to embedded. */
export async function createScratchDatabase(
  prefix: string,
  adminUrl = process.env.E2E_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  try {
    await run('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-qc', `create database ${name}`], {
      cwd: process.cwd(),
    });
  } catch {
    return { url: null, drop: () => Promise.resolve() };
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await run('psql', [adminUrl, '-qc', `drop database if exists ${name} with (force)`], {
        cwd: process.cwd(),
      }).catch(() => undefined);
    },
  };
}
