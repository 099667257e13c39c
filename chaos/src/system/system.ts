/**
 * The system under test, started with the launcher that `pnpm start`, the e2e harness and
 * the benchmark use: a server on a scratch database (reached only through the suite's TCP
 * proxy), the demo seed, the Modbus simulator (a child process with its control API) and a
 * gateway. The suite kills the server and the gateway with SIGKILL and starts them again on
 * the same ports, database and gateway state directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type * as Launch from '@lockers/launcher';
import { startDbProxy, type DbProxy, type ProxyMode } from './db-proxy.ts';
import { Timeline } from './timeline.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const RESULTS_DIR = path.join(ROOT, 'chaos/results');
const ADMIN_DB = process.env.CHAOS_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.CHAOS_REDIS_URL ?? 'redis://127.0.0.1:6379';
const HAPROXY = process.env.CHAOS_HAPROXY ?? '/usr/sbin/haproxy';

/** A running system and the levers the fault injector pulls. */
export interface System {
  stack: Launch.Stack;
  timeline: Timeline;
  databaseName: string;
  /** The scratch database without the proxy (the suite's own checks and sabotage). */
  directDatabaseUrl: string;
  /** Every instance of the server: SIGKILL, then start again. */
  killServer(): Promise<void>;
  startServer(): Promise<void>;
  /** SIGKILL one instance of a fleet (the two take turns); which one (0 or 1). */
  killInstance(): Promise<number>;
  /** Starts every killed instance again. */
  startInstances(): Promise<void>;
  killGateway(): Promise<void>;
  startGateway(): void;
  gatewayRunning(): boolean;
  setDbMode(mode: ProxyMode): void;
  /** pg_terminate_backend on every connection of the server's database; how many there were. */
  terminateDbConnections(): Promise<number>;
  simFaults(patch: { silent?: boolean; refuseConnections?: boolean }): Promise<void>;
  simDrop(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts everything; `logDir` receives one log file per process. `fleet`: two server instances
 * behind HAProxy (the shipped configuration) on one Redis, the kiosk and the gateway through it.
 */
export async function startSystem(
  logDir: string,
  serverEnv: Record<string, string> = {},
  fleet = false,
): Promise<System> {
  const launch = (await import(path.join(ROOT, 'launcher/dist/index.js'))) as typeof Launch;
  const cleanups: Array<() => Promise<unknown>> = [];
  const stop = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  };
  try {
    const db = await launch.createScratchDatabase('chaos', ADMIN_DB);
    cleanups.push(() => db.drop());
    if (!db.url)
      throw new Error('the chaos suite needs the local PostgreSQL (127.0.0.1:5432) for a scratch database');
    const direct = new URL(db.url);
    const proxy: DbProxy = await startDbProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lockers-chaos-'));
    fs.chmodSync(dataDir, 0o777);
    cleanups.push(() => Promise.resolve(fs.rmSync(dataDir, { recursive: true, force: true })));
    fs.mkdirSync(logDir, { recursive: true });
    const stack = await launch.startStack({
      rootDir: ROOT,
      database: { url: viaProxy.toString() },
      dataDir,
      gateway: false,
      ...(fleet
        ? {
            extraServers: 1,
            haproxy: { binary: HAPROXY, configFile: path.join(ROOT, 'deploy/haproxy/haproxy.cfg') },
          }
        : {}),
      output: (name) => ({ file: path.join(logDir, `${name}.log`) }),
      serverEnv: {
        ...(fleet ? { REDIS_URL, REDIS_PREFIX: `chaos${process.pid}:` } : {}),
        LOG_LEVEL: 'info',
        // One kiosk and one address retry hard under faults: rate limits are not under test.
        RATE_LIMIT_FAILED_SCANS: '100000',
        RATE_LIMIT_PUBLIC: '100000',
        RATE_LIMIT_LOGINS: '100000',
        ...serverEnv,
      },
    });
    cleanups.push(() => stack.stop());
    const timeline = new Timeline(Date.now());

    let gateway: Launch.Child | null = null;
    const startGateway = (): void => {
      gateway = launch.startChild('gateway', process.execPath, ['dist/cli/gateway-main.js'], {
        cwd: path.join(ROOT, 'lock-gateway'),
        env: {
          GATEWAY_SERVER_URL: stack.serverUrl,
          GATEWAY_TOKEN: stack.seed.gatewayToken,
          GATEWAY_STATE_DIR: path.join(dataDir, 'gateway-state'),
          LOG_LEVEL: 'info',
        },
        output: { file: path.join(logDir, 'gateway.log') },
      });
      timeline.mark('gateway', true);
    };
    const killGateway = async (): Promise<void> => {
      const g = gateway;
      if (!g) return;
      gateway = null;
      g.process.kill('SIGKILL');
      await g.exited;
      timeline.mark('gateway', false);
    };
    startGateway();
    cleanups.push(async () => {
      await gateway?.stop();
    });

    const sim = async (method: string, route: string, body?: unknown): Promise<void> => {
      const res = await fetch(new URL(route, stack.simControlUrl), {
        method,
        headers: body ? { 'content-type': 'application/json' } : undefined,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new Error(`simulator ${route}: HTTP ${res.status}`);
    };

    let kills = 0;
    const down = new Set<number>();
    return {
      stack,
      timeline,
      databaseName: direct.pathname.slice(1),
      directDatabaseUrl: db.url,
      async killServer() {
        for (const r of stack.replicas) await r.kill();
        down.clear();
        timeline.mark('server', false);
      },
      async startServer() {
        for (const r of stack.replicas) await r.start();
        timeline.mark('server', true);
      },
      // the service stays up on the other instance: the timeline's server part does not change
      async killInstance() {
        const victim = kills++ % stack.replicas.length;
        await stack.replicas[victim]!.kill();
        down.add(victim);
        return victim;
      },
      async startInstances() {
        for (const victim of [...down]) await stack.replicas[victim]!.start();
        down.clear();
      },
      killGateway,
      startGateway,
      gatewayRunning: () => gateway !== null,
      setDbMode(mode) {
        proxy.setMode(mode);
        timeline.mark('db', mode === 'pass');
      },
      async terminateDbConnections() {
        const client = new pg.Client({ connectionString: ADMIN_DB });
        await client.connect();
        try {
          const r = await client.query<{ n: string }>(
            'select count(pg_terminate_backend(pid))::text as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [direct.pathname.slice(1)],
          );
          return Number(r.rows[0]?.n ?? 0);
        } finally {
          await client.end();
        }
      },
      async simFaults(patch) {
        await sim('POST', '/faults', patch);
        if (patch.silent !== undefined || patch.refuseConnections !== undefined) {
          timeline.mark('modbus', !(patch.silent || patch.refuseConnections));
        }
      },
      simDrop: () => sim('POST', '/drop'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
