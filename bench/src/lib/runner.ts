/** Runs one benchmark with its time bound, and always runs its cleanups. */
import os from 'node:os';
import type { Benchmark, BenchContext } from './bench.ts';
import { BUSY_LOAD_PER_CORE, type BenchOutcome, type MachineLoad } from './figures.ts';

/** A benchmark's outcome plus how long it took. */
export interface RunRecord extends BenchOutcome {
  name: string;
  seconds: number;
  sizes: Record<string, number>;
  /** The machine's load just before the benchmark started. */
  load: MachineLoad;
}

/**
 * Waits up to `maxSeconds` for the 1-minute load to fall to the busy line: the previous
 * benchmark's own processes still weigh in it for a minute or so after they are gone, and a
 * figure should be marked busy for other work on the machine, not for the suite's own.
 */
export async function settleLoad(maxSeconds: number, signal: AbortSignal): Promise<MachineLoad> {
  const until = performance.now() + maxSeconds * 1000;
  let load = machineLoad();
  while (load.busy && performance.now() < until && !signal.aborted) {
    await new Promise((r) => setTimeout(r, 2000));
    load = machineLoad();
  }
  return load;
}

/** The machine's load now: other work on it makes every timing of the run worse. */
export function machineLoad(): MachineLoad {
  const loadavg1 = os.loadavg()[0]!;
  const cpus = os.availableParallelism();
  return { loadavg1, cpus, busy: loadavg1 > BUSY_LOAD_PER_CORE * cpus };
}

/** Runs `bench`; a throw or a time-out becomes an error in the record, never an exception. */
export async function runBenchmark(
  bench: Benchmark,
  opts: { smoke: boolean; overrides: Record<string, number>; interrupt: AbortSignal },
): Promise<RunRecord> {
  const sizes: Record<string, number> = {};
  for (const [name, flag] of Object.entries(bench.flags))
    sizes[name] = opts.overrides[name] ?? (opts.smoke ? flag.smoke : flag.full);
  const limitS = opts.overrides['time-limit'] ?? (opts.smoke ? bench.timeLimit.smoke : bench.timeLimit.full);
  const controller = new AbortController();
  const cleanups: Array<() => Promise<void> | void> = [];
  const ctx: BenchContext = {
    size: (name) => {
      const v = sizes[name];
      if (v === undefined) throw new Error(`${bench.name} has no flag --${name}`);
      return v;
    },
    smoke: opts.smoke,
    defer: (c) => void cleanups.push(c),
    log: (m) => console.log(`  [${bench.name}] ${m}`),
    signal: controller.signal,
  };
  const load = machineLoad();
  if (load.busy)
    ctx.log(`busy machine: load ${load.loadavg1.toFixed(2)} on ${load.cpus} cores (figures marked busy)`);
  const started = performance.now();
  const timer = setTimeout(() => controller.abort(), limitS * 1000);
  const onInterrupt = () => controller.abort();
  opts.interrupt.addEventListener('abort', onInterrupt, { once: true });
  const aborted = new Promise<never>((_, reject) =>
    controller.signal.addEventListener(
      'abort',
      () => reject(new Error(opts.interrupt.aborted ? 'interrupted' : `time limit of ${limitS} s reached`)),
      { once: true },
    ),
  );
  let outcome: BenchOutcome;
  try {
    outcome = await Promise.race([bench.run(ctx), aborted]);
  } catch (error) {
    outcome = { figures: [], errors: [error instanceof Error ? error.message : String(error)], details: {} };
  } finally {
    clearTimeout(timer);
    opts.interrupt.removeEventListener('abort', onInterrupt);
    if (!controller.signal.aborted) controller.abort(); // loops still running stop here
    for (const c of cleanups.reverse()) {
      await Promise.race([Promise.resolve().then(c), new Promise((r) => setTimeout(r, 20_000))]).catch(
        (e: unknown) => console.error(`  [${bench.name}] cleanup failed: ${String(e)}`),
      );
    }
  }
  const figures = outcome.figures.map((f) => ({ ...f, load }));
  return {
    name: bench.name,
    seconds: (performance.now() - started) / 1000,
    sizes,
    load,
    ...outcome,
    figures,
  };
}
