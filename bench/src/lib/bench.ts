/** The shape of one benchmark and the context the runner gives it. */
import type { BenchOutcome } from './figures.ts';

/** A size flag: its full-run default and the small size the smoke run uses. */
export interface SizeFlag {
  full: number;
  smoke: number;
  help: string;
}

/** What a benchmark gets: its sizes, a place to register cleanups, and a logger. */
export interface BenchContext {
  /** Flag values (full defaults, smoke sizes, or what the command line said). */
  size(name: string): number;
  smoke: boolean;
  /** Runs when the benchmark ends, fails or times out (last registered first). */
  defer(cleanup: () => Promise<void> | void): void;
  log(message: string): void;
  /** Aborted when the benchmark's time is up: long loops should check it. */
  signal: AbortSignal;
}

/** One benchmark: its flags, a time bound, and the run. */
export interface Benchmark {
  name: string;
  summary: string;
  flags: Record<string, SizeFlag>;
  /** Seconds the benchmark may take at full size and at smoke size. */
  timeLimit: { full: number; smoke: number };
  run(ctx: BenchContext): Promise<BenchOutcome>;
}

/** Throws when the benchmark's time is up, so long loops stop promptly. */
export function checkTime(signal: AbortSignal): void {
  if (signal.aborted) throw new Error('time limit reached');
}
