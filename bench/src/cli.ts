/**
 * pnpm bench [name ...] [--smoke] [--<size> N ...] [--out file] [--list]
 *
 * Runs the named benchmarks (all by default) against real processes, prints one table and
 * writes it as JSON (bench/results/latest.json unless --out). Exit 1 when a benchmark found
 * something wrong (a double allocation, a lost event, a crash) and, in a full run, when a
 * figure misses its goal. --smoke: small sizes, correctness only (the package's test).
 * Each benchmark's figures carry the machine's load when it started (busy: above half the cores).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCHMARKS } from './benchmarks/index.ts';
import { FLOOR_P50, PACED_FLOOR_P50 } from './benchmarks/scan-floor.ts';
import { BUSY_LOAD_PER_CORE, figure } from './lib/figures.ts';
import { runBenchmark, settleLoad, type RunRecord } from './lib/runner.ts';
import { renderTable } from './lib/table.ts';
import { ensureBuilt, SYSTEM_PACKAGES } from '@lockers/launcher/ensure-built';
import { RESULTS_DIR, scratchDatabases } from './lib/system.ts';

const { values, positionals, sizes } = parseCommandLine(process.argv.slice(2));

if (values.list || values.help) {
  for (const b of BENCHMARKS) {
    console.log(`${b.name.padEnd(16)} ${b.summary}`);
    for (const [f, d] of Object.entries(b.flags))
      console.log(`${''.padEnd(18)}--${f.padEnd(13)} ${d.help} (full ${d.full}, smoke ${d.smoke})`);
  }
  console.log(`${''.padEnd(18)}--time-limit    seconds before a benchmark is stopped and failed`);
  process.exit(0);
}

const unknown = positionals.filter((p) => !BENCHMARKS.some((b) => b.name === p));
if (unknown.length) {
  console.error(
    `unknown benchmark ${unknown.join(', ')}; one of: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}
const selected = positionals.length
  ? BENCHMARKS.filter((b) => positionals.includes(b.name))
  : [...BENCHMARKS];

// Size flags: --name N, applied to every selected benchmark that has the flag.
const overrides: Record<string, number> = {};
const known = new Set(['time-limit', ...selected.flatMap((b) => Object.keys(b.flags))]);
for (const [name, value] of Object.entries(sizes)) {
  const n = Number(value);
  if (!known.has(name) || !Number.isFinite(n) || n <= 0) {
    console.error(`bad flag --${name} ${value} (see --list)`);
    process.exit(2);
  }
  overrides[name] = n;
}
const smoke = values.smoke === true;

const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the running benchmark and cleaning up...`);
    interrupt.abort();
  });
}

ensureBuilt(SYSTEM_PACKAGES, (line) => console.log(line));
const startedAt = new Date();
const records: RunRecord[] = [];
for (const bench of selected) {
  if (interrupt.signal.aborted) break;
  console.log(`\n== ${bench.name}: ${bench.summary}`);
  // a full run lets the previous benchmark's load die down before this one is marked by it
  if (!smoke && records.length > 0) await settleLoad(90, interrupt.signal);
  const record = await runBenchmark(bench, { smoke, overrides, interrupt: interrupt.signal });
  for (const e of record.errors) console.log(`  [${bench.name}] ERROR ${e}`);
  console.log(`  [${bench.name}] done in ${record.seconds.toFixed(1)} s`);
  records.push(record);
}

againstScanFloor(records);
const figures = records.flatMap((r) => r.figures);
const errors = records.flatMap((r) => r.errors.map((e) => `${r.name}: ${e}`));
const missed = figures.filter((f) => f.pass === false);
const ok = errors.length === 0 && (smoke || missed.length === 0) && !interrupt.signal.aborted;
const cpus = os.cpus();
const busy = records.filter((r) => r.load.busy).map((r) => r.name);
const result = {
  date: startedAt.toISOString(),
  mode: smoke ? 'smoke' : 'full',
  machine: {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  },
  command: process.argv.slice(2).join(' '),
  ok,
  /** Benchmarks started on a busy machine (1-minute load above half the cores): not a reference. */
  busy,
  figures,
  errors,
  benchmarks: records,
  scratchDatabases,
};
console.log(
  `\n${smoke ? 'SMOKE run (sizes too small for the goals: only correctness counts)' : 'Full run'}, ${result.date}, ${result.machine.cpus} x ${result.machine.cpuModel}, Node ${process.version}\n`,
);
console.log(renderTable(figures));
if (busy.length)
  console.log(
    `\nBusy machine (load above ${BUSY_LOAD_PER_CORE} x cores) when ${busy.join(', ')} started: those figures are not a reference.`,
  );
if (errors.length) console.log(`\nErrors:\n${errors.map((e) => `- ${e}`).join('\n')}`);
if (!smoke && missed.length)
  console.log(`\nMissed goals: ${missed.map((f) => `${f.benchmark}: ${f.figure}`).join('; ')}`);
const out = typeof values.out === 'string' ? path.resolve(values.out) : path.join(RESULTS_DIR, 'latest.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(process.cwd(), out)}; ${ok ? 'OK' : 'NOT OK'}`);
process.exit(ok ? 0 : 1);

/**
 * scan-to-coil's p50 against the scan floor of the same run (the database's share of a scan),
 * taken at scan-to-coil's rhythm: rows of scan-to-coil's, added when both ran. Goal: at most
 * 2.5 times that floor. The ratio to the back-to-back floor is shown beside it, without a goal.
 */
function againstScanFloor(all: RunRecord[]): void {
  const stc = all.find((r) => r.name === 'scan-to-coil');
  const floor = all.find((r) => r.name === 'scan-floor');
  const p50 = stc?.figures.find((f) => f.figure === 'scan -> coil p50');
  const pacedP50 = floor?.figures.find((f) => f.figure === PACED_FLOOR_P50);
  const backToBackP50 = floor?.figures.find((f) => f.figure === FLOOR_P50);
  if (!stc || !p50 || !pacedP50 || !backToBackP50) return;
  const rows = [
    figure('scan-to-coil', 'scan -> coil p50 / scan floor p50 (same rhythm)', 'ms', p50.runs, {
      baseline: { label: "scan-floor p50 at scan-to-coil's rhythm", runs: pacedP50.runs },
      ratioGoal: { op: '<=', target: 2.5 },
    }),
    figure('scan-to-coil', 'scan -> coil p50 / scan floor p50 (back to back)', 'ms', p50.runs, {
      baseline: { label: 'scan-floor p50, back to back', runs: backToBackP50.runs },
    }),
  ];
  stc.figures.splice(stc.figures.indexOf(p50) + 1, 0, ...rows.map((row) => ({ ...row, load: stc.load })));
}

/** `--smoke`, `--list`, `--help` are switches, `--out F` a path; any other `--name N` (or `--name=N`) a size. */
function parseCommandLine(args: string[]) {
  const values: { smoke?: boolean; list?: boolean; help?: boolean; out?: string } = {};
  const positionals: string[] = [];
  const sizes: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (name === 'smoke' || name === 'list' || name === 'help') values[name] = true;
    else if (name === 'out') values.out = inline ?? args[++i];
    else sizes[name] = inline ?? args[++i] ?? '';
  }
  return { values, positionals, sizes };
}
