/**
 * The smoke run: every benchmark at small sizes against the real processes, so the suite
 * cannot rot. Timings at these sizes say nothing (goals are not checked); correctness is:
 * no double allocation, no lost event, every client connected, the report adds up.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

test('every benchmark runs at smoke size, checks itself and cleans up', async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-')), 'smoke.json');
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = execFile(
      'sh',
      [path.join(benchDir, 'bin/bench.sh'), '--smoke', '--out', out],
      { cwd: benchDir, maxBuffer: 16 * 2 ** 20 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
    child.stdin?.end();
  });
  expect(code, output.slice(-4000)).toBe(0);
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    ok: boolean;
    errors: string[];
    benchmarks: Array<{ name: string; figures: unknown[] }>;
    figures: Array<{ benchmark: string; figure: string; load?: { cpus: number } }>;
    scratchDatabases: string[];
  };
  expect(result.errors).toEqual([]);
  expect(result.benchmarks.map((b) => b.name)).toEqual([
    'scan-floor',
    'scan-to-coil',
    'allocation-race',
    'fan-out',
    'door-burst',
    'fleet-fan-out',
    'board',
    'idle',
    'usage-report',
    'plain-read',
  ]);
  for (const b of result.benchmarks) expect(b.figures.length, b.name).toBeGreaterThan(0);
  // every figure says how loaded the machine was when it was taken
  for (const f of result.figures) expect(f.load?.cpus, `${f.benchmark}: ${f.figure}`).toBeGreaterThan(0);
  // scan-to-coil is measured against the scan floor of the same run, taken at its rhythm
  const names = result.figures.map((f) => f.figure);
  expect(names).toContain('scan -> coil p50 / scan floor p50 (same rhythm)');
  expect(names).toContain("deposit scan SQL at scan-to-coil's rhythm, bare pg: p50");
  // The scratch databases the run made are gone again.
  expect(result.scratchDatabases.length).toBeGreaterThan(0);
  const left = await existing(result.scratchDatabases);
  expect(left).toEqual([]);
});

test('a benchmark stopped while its processes start leaves none of them running', async () => {
  const databasesBefore = await scratchDatabaseNames();
  // SIGTERM to the runner alone (as a supervisor or `timeout` sends it), once the relay-board
  // simulator is up and the stack is still starting (database, server, seed to come)
  const runner = spawn('sh', [path.join(benchDir, 'bin/bench.sh'), 'board', '--smoke'], {
    cwd: benchDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  runner.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  runner.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => runner.once('exit', () => resolve()));
  let started: number[] = [];
  for (const until = Date.now() + 60_000; Date.now() < until;) {
    started = descendants(runner.pid!);
    if (started.some((pid) => commandLine(pid).includes('sim-main.js'))) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  expect(started.some((pid) => commandLine(pid).includes('sim-main.js'))).toBe(true);
  runner.kill('SIGTERM');
  await exited;
  // it stopped as asked (no crash on the way), and what it had started is gone
  expect(output).toContain('board: interrupted');
  expect(output).not.toContain('Unhandled');
  const alive = started.filter((pid) => fs.existsSync(`/proc/${pid}`) && commandLine(pid) !== '');
  expect(alive.map(commandLine)).toEqual([]);
  const databasesAfter = await scratchDatabaseNames();
  expect(databasesAfter.filter((name) => !databasesBefore.includes(name))).toEqual([]);
}, 90_000);

/** Every process below `root` now (children, their children, ...). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const frontier = [root];
  while (frontier.length) {
    const parent = frontier.pop()!;
    for (const [pid, ppid] of parentOf)
      if (ppid === parent) {
        found.push(pid);
        frontier.push(pid);
      }
  }
  return found;
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
}

test('a double allocation or a wrong size is reported as a failure, not a pass', async () => {
  const { figure } = await import('../src/lib/figures.ts');
  expect(
    figure('allocation-race', 'double allocations', 'count', [0, 1, 1], { goal: { op: '==', target: 0 } })
      .pass,
  ).toBe(false);
  expect(
    figure('plain-read', 'rps', 'req/s', [400], {
      baseline: { label: 'bare', runs: [1000] },
      ratioGoal: { op: '>=', target: 0.5 },
    }).pass,
  ).toBe(false);
  expect(
    figure('plain-read', 'rps', 'req/s', [600], {
      baseline: { label: 'bare', runs: [1000] },
      ratioGoal: { op: '>=', target: 0.5 },
    }).pass,
  ).toBe(true);
});

/** Of these databases, the ones that exist. */
const existing = (names: string[]) => databaseNames('datname = any($1)', [names]);

/** The scratch databases the launcher makes (`e2e_` and a random suffix) that exist now. */
const scratchDatabaseNames = () => databaseNames("datname like 'e2e\\_%'");

async function databaseNames(where: string, params: unknown[] = []): Promise<string[]> {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await c.connect();
  try {
    const { rows } = await c.query<{ datname: string }>(
      `select datname from pg_database where ${where}`,
      params,
    );
    return rows.map((r) => r.datname);
  } finally {
    await c.end();
  }
}
