import pg from 'pg';

/**
 * Advisory lock keys (PostgreSQL's one 64-bit key space, shared by every instance on the
 * database). One place, so two features never pick the same number.
 */
export const LOCKS = {
  /** Migrations, the first admin and the demo seed: one instance at a time. */
  startup: 7_310_001,
  /** The clock-driven rules run on one instance of the fleet, the leader. */
  timers: 7_310_002,
} as const;

/**
 * Takes a session-level advisory lock on a connection of its own and returns its release, so
 * instances starting together take turns; the lock goes with the connection if this process
 * dies, so a crashed instance never leaves the others waiting.
 */
export async function acquireAdvisoryLock(databaseUrl: string, key: number): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'lockers-lock' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [key]);
  } catch (e) {
    await client.end().catch(() => {});
    throw e;
  }
  return async () => {
    await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
    await client.end().catch(() => {});
  };
}
