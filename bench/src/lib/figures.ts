/**
 * What every benchmark returns: rows of figures with their goal and baseline, and the
 * correctness errors it found while running (any error fails the run, whatever the timings).
 */

/** A goal a figure must meet: `value <op> target`. */
export interface Goal {
  op: '<' | '<=' | '>' | '>=' | '==';
  target: number;
}

/** One line of the table. */
export interface Figure {
  benchmark: string;
  figure: string;
  unit: string;
  /** Median over the runs. */
  value: number;
  /** Every run's value, for the JSON. */
  runs: number[];
  goal: Goal | null;
  /** The same measurement on the baseline, same run; null when the figure has none. */
  baseline: { label: string; value: number } | null;
  /** value / baseline (see the benchmark for which way is better). */
  ratio: number | null;
  /** Goal met; null when the figure has no goal (shown for information). */
  pass: boolean | null;
  /** A goal on the ratio instead of the value (plain read: at least 50% of the baseline). */
  ratioGoal?: Goal;
  /** The machine's load when the benchmark started (set by the runner). */
  load?: MachineLoad;
}

/** The 1-minute load average against the CPU count; busy above half the cores. */
export interface MachineLoad {
  loadavg1: number;
  cpus: number;
  busy: boolean;
}

/** A busy machine: a load above this share of the cores marks the figures taken on it. */
export const BUSY_LOAD_PER_CORE = 0.5;

/** A benchmark's outcome. */
export interface BenchOutcome {
  figures: Figure[];
  /** Correctness failures (a double allocation, a lost event, a client error...). */
  errors: string[];
  /** Sizes and anything else worth keeping in the JSON. */
  details: Record<string, unknown>;
}

export function meets(value: number, goal: Goal): boolean {
  if (!Number.isFinite(value)) return false;
  switch (goal.op) {
    case '<':
      return value < goal.target;
    case '<=':
      return value <= goal.target;
    case '>':
      return value > goal.target;
    case '>=':
      return value >= goal.target;
    case '==':
      return value === goal.target;
  }
}

/** Builds a figure from per-run values (median), checking its goal on the value or the ratio. */
export function figure(
  benchmark: string,
  name: string,
  unit: string,
  runs: number[],
  opts: { goal?: Goal; baseline?: { label: string; runs: number[] }; ratioGoal?: Goal } = {},
): Figure {
  const value = medianOf(runs);
  const baselineValue = opts.baseline ? medianOf(opts.baseline.runs) : null;
  const ratio = baselineValue ? value / baselineValue : null;
  let pass: boolean | null = null;
  if (opts.goal) pass = meets(value, opts.goal);
  if (opts.ratioGoal) pass = (pass ?? true) && ratio !== null && meets(ratio, opts.ratioGoal);
  return {
    benchmark,
    figure: name,
    unit,
    value,
    runs,
    goal: opts.goal ?? null,
    baseline:
      opts.baseline && baselineValue !== null ? { label: opts.baseline.label, value: baselineValue } : null,
    ratio,
    pass,
    ...(opts.ratioGoal ? { ratioGoal: opts.ratioGoal } : {}),
  };
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
