/**
 * Scan-to-coil: runs the gateway package's own benchmark (lock-gateway/bench/scan-to-coil.ts:
 * kiosk scanAccessCode -> server -> gatewayCommands subscription -> gateway process -> Modbus
 * TCP -> the simulator's coil, timed on one clock) once per run, and reads the JSON it writes.
 * Its baseline, measured in the same loop, is the issueAccessCode round trip (the server's floor).
 * Correctness: that benchmark fails (non-zero) when a scan is not answered UNLOCKING_FOR_DEPOSIT
 * or no coil switches within 10 s; here, every scan must also have been measured.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Benchmark, BenchContext } from '../lib/bench.ts';
import { checkTime } from '../lib/bench.ts';
import { figure } from '../lib/figures.ts';
import { ROOT } from '../lib/system.ts';

interface Summary {
  n: number;
  p50: number;
  p99: number;
}
interface GatewayBenchResult {
  scanToCoil: Summary;
  commandToCoil: Summary;
  issueBaseline: Summary;
}

const gatewayBench = path.join(ROOT, 'lock-gateway/bench');

export const scanToCoil: Benchmark = {
  name: 'scan-to-coil',
  summary: 'kiosk scan -> server -> subscription -> gateway -> Modbus TCP -> coil on the simulator',
  flags: {
    scans: { full: 500, smoke: 20, help: 'measured scans per run' },
    warmup: { full: 20, smoke: 3, help: 'scans before measuring' },
    runs: { full: 3, smoke: 1, help: 'repetitions, each on a fresh system (median reported)' },
  },
  timeLimit: { full: 600, smoke: 60 },
  async run(ctx) {
    const results: GatewayBenchResult[] = [];
    const errors: string[] = [];
    for (let run = 0; run < ctx.size('runs'); run++) {
      checkTime(ctx.signal);
      const r = await runOnce(ctx);
      if (r.scanToCoil.n !== ctx.size('scans'))
        errors.push(`run ${run + 1}: ${r.scanToCoil.n} of ${ctx.size('scans')} scans measured`);
      results.push(r);
      ctx.log(
        `run ${run + 1}: p50 ${r.scanToCoil.p50.toFixed(1)} ms, p99 ${r.scanToCoil.p99.toFixed(1)} ms (issueAccessCode p50 ${r.issueBaseline.p50.toFixed(1)} ms)`,
      );
    }
    const pick = (f: (r: GatewayBenchResult) => number) => results.map(f);
    const baseline = (f: (r: GatewayBenchResult) => number, q: string) => ({
      label: `issueAccessCode round trip ${q}`,
      runs: pick(f),
    });
    return {
      figures: [
        figure(
          'scan-to-coil',
          'scan -> coil p50',
          'ms',
          pick((r) => r.scanToCoil.p50),
          { goal: { op: '<', target: 8 }, baseline: baseline((r) => r.issueBaseline.p50, 'p50') },
        ),
        figure(
          'scan-to-coil',
          'scan -> coil p99',
          'ms',
          pick((r) => r.scanToCoil.p99),
          { goal: { op: '<', target: 25 }, baseline: baseline((r) => r.issueBaseline.p99, 'p99') },
        ),
        figure(
          'scan-to-coil',
          'gateway share p50 (command seen -> coil)',
          'ms',
          pick((r) => r.commandToCoil.p50),
        ),
      ],
      errors,
      details: { scans: ctx.size('scans'), warmup: ctx.size('warmup'), runs: results },
    };
  },
};

/** One run of the gateway's benchmark; resolves with the result file it wrote. */
async function runOnce(ctx: BenchContext): Promise<GatewayBenchResult> {
  const resultsDir = path.join(gatewayBench, 'results');
  const before = new Set(fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir) : []);
  const child = spawn(
    process.execPath,
    [
      path.join(gatewayBench, 'scan-to-coil.ts'),
      '--scans',
      String(ctx.size('scans')),
      '--warmup',
      String(ctx.size('warmup')),
    ],
    {
      cwd: path.join(ROOT, 'lock-gateway'),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: on a time-out the whole group (its server, gateway) is stopped.
      detached: true,
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  // Only on a time-out or a failure here: it has no signal handler, so its children are
  // stopped through the process group (by its id); its scratch database may then remain.
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const group = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    group('SIGTERM');
    const timer = setTimeout(() => group('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  ctx.defer(stop);
  ctx.signal.addEventListener('abort', () => void stop(), { once: true });
  const code = await exited;
  if (code !== 0)
    throw new Error(`lock-gateway/bench/scan-to-coil.ts exited ${code}: ${output.slice(-1500)}`);
  const fresh = fs
    .readdirSync(resultsDir)
    .filter((f) => f.startsWith('scan-to-coil-') && f.endsWith('.json') && !before.has(f))
    .sort();
  if (!fresh.length) throw new Error('lock-gateway/bench/scan-to-coil.ts wrote no result');
  return JSON.parse(fs.readFileSync(path.join(resultsDir, fresh.at(-1)!), 'utf8')) as GatewayBenchResult;
}
