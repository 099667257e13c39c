/** The one table every run prints, and the JSON written beside it. */
import type { Figure, Goal } from './figures.ts';

const fmt = (v: number | null | undefined): string => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '-';
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
};
const goalText = (g: Goal | null, unit: string, prefix = ''): string =>
  g ? `${prefix}${g.op} ${g.target} ${prefix ? '' : unit}`.trim() : '-';

/** Rows as printed: figure, value (busy: taken on a loaded machine), goal, baseline, ratio, pass/fail, load. */
export function tableRows(figures: Figure[]): string[][] {
  return figures.map((f) => [
    `${f.benchmark}: ${f.figure}`,
    `${fmt(f.value)} ${f.unit}${f.load?.busy ? ' (busy)' : ''}`,
    f.ratioGoal ? goalText(f.ratioGoal, '', 'ratio ') : goalText(f.goal, f.unit),
    f.baseline ? `${fmt(f.baseline.value)} (${f.baseline.label})` : '-',
    f.ratio === null ? '-' : fmt(f.ratio),
    f.pass === null ? 'info' : f.pass ? 'pass' : 'FAIL',
    f.load ? `${f.load.loadavg1.toFixed(2)} / ${f.load.cpus}${f.load.busy ? ' busy' : ''}` : '-',
  ]);
}

/** A plain-text table (also valid Markdown). */
export function renderTable(figures: Figure[]): string {
  const head = ['figure', 'median', 'goal', 'baseline (same run)', 'ratio', 'result', 'load / cores'];
  const rows = [head, ...tableRows(figures)];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join(
    '\n',
  );
}
