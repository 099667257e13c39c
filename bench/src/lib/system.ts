/**
 * The system under test, started with the launcher (@lockers/launcher, the same code as
 * `pnpm start`, the e2e harness and the gateway's own benchmark): a server on a scratch
 * database of the local PostgreSQL, the demo seed, the Modbus simulator and, on request,
 * the gateway. Everything is a child process and is stopped (database dropped) by `defer`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type * as Launch from '@lockers/launcher';
import type { BenchContext } from './bench.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const RESULTS_DIR = path.join(ROOT, 'bench/results');

/** Builds server, gateway and launcher when their dist is missing or older than their sources. */
export function ensureBuilt(): void {
  for (const [pkg, marker] of [
    ['server', 'dist/main.js'],
    ['lock-gateway', 'dist/cli/gateway-main.js'],
    ['launcher', 'dist/index.js'],
  ] as const) {
    const dir = path.join(ROOT, pkg);
    const built = path.join(dir, marker);
    if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest(path.join(dir, 'src'))) continue;
    console.log(`building ${pkg}...`);
    execFileSync('pnpm', ['--dir', dir, 'run', 'build'], { stdio: 'inherit' });
  }
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

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
}

/** Starts server (+ simulator, optionally gateway) for one benchmark; stopped by ctx.defer. */
export async function startSystem(
  ctx: BenchContext,
  bench: string,
  opts: { gateway?: boolean; serverEnv?: Record<string, string> } = {},
): Promise<System> {
  const { startStack } = await launch();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `lockers-bench-${bench}-`));
  fs.chmodSync(dataDir, 0o777);
  ctx.defer(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const logDir = path.join(RESULTS_DIR, 'logs');
  const stack = await startStack({
    rootDir: ROOT,
    database: 'scratch',
    dataDir,
    gateway: opts.gateway ?? false,
    output: (name) => ({ file: path.join(logDir, `${bench}-${name}.log`) }),
    serverEnv: {
      LOG_LEVEL: 'warn',
      // Benchmarks drive one kiosk and one address hard: limits are not what is measured.
      RATE_LIMIT_FAILED_SCANS: '100000',
      RATE_LIMIT_PUBLIC: '100000',
      RATE_LIMIT_LOGINS: '100000',
      // BENCH_PROFILE=1: the server writes a V8 CPU profile on exit (open it in Chrome DevTools).
      ...(process.env.BENCH_PROFILE
        ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.join(RESULTS_DIR, 'profiles')}` }
        : {}),
      ...opts.serverEnv,
    },
    gatewayEnv: { LOG_LEVEL: 'warn' },
  });
  ctx.defer(() => stack.stop());
  if (!stack.databaseUrl)
    throw new Error(
      'benchmarks need the local PostgreSQL (127.0.0.1:5432): no scratch database could be made',
    );
  scratchDatabases.push(new URL(stack.databaseUrl).pathname.slice(1));
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  ctx.defer(() => db.end());
  return {
    stack,
    db,
    serverRssMb: () => rssMb(stack.server.process.pid),
  };
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
