/**
 * The system under test, started with the launcher (@lockers/launcher, the same code as
 * `pnpm start`, the e2e harness and the gateway's own benchmark): a server on a scratch
 * database of the local PostgreSQL, the demo seed, the Modbus simulator and, on request,
 * the gateway. Everything is a child process and is stopped (database dropped) by `defer`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type * as Launch from '@lockers/launcher';
import { checkTime, type BenchContext } from './bench.ts';
import { GqlClient } from './gql.ts';
import type { CapturedQuery } from '../processes/sql-capture.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const RESULTS_DIR = path.join(ROOT, 'bench/results');
/** Where BENCH_PROFILE=1 has the processes write their V8 CPU profiles. */
export const PROFILES_DIR = path.join(RESULTS_DIR, 'profiles');
/** The HAProxy binary of the fleet benchmarks (as in the gateway's fleet tests). */
export const HAPROXY = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';

async function launch(): Promise<typeof Launch> {
  return (await import(path.join(ROOT, 'launcher/dist/index.js'))) as typeof Launch;
}

/** Names of the scratch databases this process made (the smoke test checks they are gone). */
export const scratchDatabases: string[] = [];

/** A started system plus what benchmarks need from it. */
export interface System {
  stack: Launch.Stack;
  /** A direct connection to the scratch database (checks and bulk seeding). */
  db: pg.Client;
  /** The server process's resident set in MB, read from /proc. */
  serverRssMb: () => number;
  /** The server process's id (for /proc readings such as `cpuSeconds`). */
  serverPid: () => number;
  /** Each instance's resident set in MB (one entry unless a fleet was asked for). */
  replicaRssMb: () => number[];
  /** With `captureSql`: the queries the server's driver sent while `work` ran. */
  sql: { record<T>(work: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> } | null;
}

/** Switches the server's recording on, runs `work`, switches it off and reads what it wrote. */
async function recordSql<T>(
  file: string,
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; queries: CapturedQuery[] }> {
  const settle = () => new Promise((r) => setTimeout(r, 100)); // the signal is handled on a later tick
  const offset = fs.existsSync(file) ? fs.statSync(file).size : 0;
  process.kill(pid, 'SIGUSR2');
  await settle();
  const result = await work();
  await settle();
  process.kill(pid, 'SIGUSR2');
  await settle();
  const text = fs.existsSync(file) ? fs.readFileSync(file).subarray(offset).toString('utf8') : '';
  const queries = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CapturedQuery);
  return { result, queries };
}

/** Starts server (+ simulator, optionally gateway) for one benchmark; stopped by ctx.defer. */
export async function startSystem(
  ctx: BenchContext,
  bench: string,
  opts: {
    gateway?: boolean;
    serverEnv?: Record<string, string>;
    /** Preload the driver hook (src/processes/sql-capture.ts): `System.sql` records queries. */
    captureSql?: boolean;
    /** More server instances on the same database, behind the shipped HAProxy configuration. */
    fleet?: { extraServers: number; haproxy: boolean };
  } = {},
): Promise<System> {
  const { startStack } = await launch();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `lockers-bench-${bench}-`));
  fs.chmodSync(dataDir, 0o777);
  ctx.defer(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const logDir = path.join(RESULTS_DIR, 'logs');
  const captureFile = path.join(dataDir, 'sql.jsonl');
  const nodeOptions = [
    ...(opts.captureSql ? [`--import=${path.join(ROOT, 'bench/src/processes/sql-capture.ts')}`] : []),
    // BENCH_PROFILE=1: the server writes a V8 CPU profile on exit (open it in Chrome DevTools).
    ...(process.env.BENCH_PROFILE ? [`--cpu-prof --cpu-prof-dir=${PROFILES_DIR}`] : []),
    ...(process.env.BENCH_PERF ? ['--perf-basic-prof'] : []),
  ];
  const starting = startStack({
    rootDir: ROOT,
    database: 'scratch',
    dataDir,
    gateway: opts.gateway ?? false,
    output: (name) => ({ file: path.join(logDir, `${bench}-${name}.log`) }),
    // The server as it ships: rate limits, query armor, metrics and log level at their
    // defaults. A benchmark needing many kiosks registers them (registerKiosks), each on its
    // own address.
    serverEnv: {
      ...(opts.captureSql ? { BENCH_SQL_CAPTURE: captureFile } : {}),
      ...(nodeOptions.length ? { NODE_OPTIONS: nodeOptions.join(' ') } : {}),
      ...opts.serverEnv,
    },
    ...(opts.fleet
      ? {
          extraServers: opts.fleet.extraServers,
          haproxy: opts.fleet.haproxy
            ? { binary: HAPROXY, configFile: path.join(ROOT, 'deploy/haproxy/haproxy.cfg') }
            : undefined,
        }
      : {}),
  });
  // Registered before the stack is up: a benchmark interrupted while its stack starts (Ctrl-C,
  // its time limit) stops what had been started, rather than leave it running.
  ctx.defer(async () => (await starting.catch(() => null))?.stop());
  const stack = await starting;
  // stopped meanwhile: the benchmark goes no further (its stack is being stopped, its database dropped)
  checkTime(ctx.signal);
  if (!stack.databaseUrl)
    throw new Error(
      'benchmarks need the local PostgreSQL (127.0.0.1:5432): no scratch database could be made',
    );
  scratchDatabases.push(new URL(stack.databaseUrl).pathname.slice(1));
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  ctx.defer(() => db.end());
  const serverPid = () => stack.server.process.pid!;
  return {
    stack,
    db,
    sql: opts.captureSql ? { record: (work) => recordSql(captureFile, serverPid(), work) } : null,
    serverRssMb: () => rssMb(stack.server.process.pid),
    serverPid,
    replicaRssMb: () => stack.replicas.map((r) => rssMb(r.child.process.pid)),
  };
}

/**
 * Registers `n` more kiosks on the site (admin registerKiosk), each with its own token: a
 * benchmark that plays many kiosks uses as many credentials as a site of that size has.
 */
export async function registerKiosks(
  graphqlUrl: string,
  adminToken: string,
  siteId: string,
  n: number,
): Promise<string[]> {
  const admin = new GqlClient(graphqlUrl, adminToken, 4);
  try {
    return await Promise.all(
      Array.from({ length: n }, (_, i) =>
        admin
          .request<{ registerKiosk: { token: string } }>(
            'mutation($s: ID!, $n: String!) { registerKiosk(siteId: $s, name: $n) { token } }',
            { s: siteId, n: `Bench kiosk ${i + 1}` },
          )
          .then((r) => r.registerKiosk.token),
      ),
    );
  } finally {
    admin.close();
  }
}

/**
 * The loopback address of client `i` (127.0.0.2, 127.0.0.3, ...): Linux answers the whole of
 * 127/8, so each simulated kiosk or client speaks from its own address, as on a real site,
 * and per-address limit keys (`ip:<address>`) are per client.
 */
export function clientAddress(i: number): string {
  if (i < 0 || i > 252) throw new Error(`client address ${i}: 0..252`);
  return `127.0.0.${i + 2}`;
}

/** VmRSS of a process in MB (NaN when it is gone). */
export function rssMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time a process has used so far, user and system, in seconds (NaN when it is gone): the
 * difference over a measurement is the work it did, which moves far less between runs on a
 * shared machine than a rate does.
 */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    // fields after the command's closing parenthesis (a command may hold one itself, so the
    // last); utime and stime are then the 12th and 13th
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
// USER_HZ: 100 on every Linux Node supports
const CLOCK_TICKS = 100;

/** Samples a process's RSS every `everyMs`; `stop()` returns the peak. */
export function sampleRss(read: () => number, everyMs = 200): { stop(): number; peak(): number } {
  let peak = read();
  const timer = setInterval(() => {
    const v = read();
    if (v > peak) peak = v;
  }, everyMs);
  return {
    peak: () => peak,
    stop() {
      clearInterval(timer);
      const v = read();
      return Number.isFinite(v) ? Math.max(peak, v) : peak;
    },
  };
}
