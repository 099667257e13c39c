/** Prints a run's figures and every finding behind a non-zero one. */
import type { Verdict } from './check/index.ts';
import { HEALTHY_ENOUGH_MS } from './check/stranded.ts';
import type { History } from './history.ts';

const iso = (ms: number): string => new Date(ms).toISOString().slice(11, 23);

export function renderReport(v: Verdict, history: History, meta: { seed: number; seconds: number }): string {
  const f = v.figures;
  const byKind = new Map<string, number>();
  for (const x of history.faults) byKind.set(x.kind, (byKind.get(x.kind) ?? 0) + 1);
  const failedOps = history.operations.filter(
    (o) => /^(transport|error)/.test(o.answer) || o.answer.includes(':'),
  ).length;
  const lines = [
    `chaos run: seed ${meta.seed}, ${meta.seconds} s of faults`,
    '',
    `  faults injected        ${f.faults}  (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'})`,
    `  operations             ${f.operations}  (${failedOps} answered with an error or not at all, retried)`,
    `  deposits / collections ${f.deposits} / ${f.collections}`,
    `  sessions lost          ${f.sessionsLost}${mark(f.sessionsLost)}`,
    `  unobservable cycles    ${f.unobservable}  (door cycles no gateway could report; not counted as lost)`,
    `  pulses                 ${f.pulses}  for ${v.pulses.commands.length} unlock requests`,
    `  pulses doubled         ${f.pulsesDoubled}${mark(f.pulsesDoubled)}`,
    `  pulses missed          ${f.pulsesMissed}${mark(f.pulsesMissed)}`,
    `  alerts / false alerts  ${f.alerts} / ${f.falseAlerts}${mark(f.falseAlerts)}`,
    `  door events contradicted by the door log  ${f.doorEventsContradicted}${mark(f.doorEventsContradicted)}`,
    `  payments wrong         ${f.paymentsWrong}${mark(f.paymentsWrong)}`,
    `  journeys stranded      ${f.journeysStranded}  (gave up while the system served ${HEALTHY_ENOUGH_MS / 1000} s or more)${mark(f.journeysStranded)}`,
    `  longest recovery       ${f.longestRecoveryMs === null ? '-' : `${(f.longestRecoveryMs / 1000).toFixed(1)} s`}${f.notRecovered ? `  (${f.notRecovered} faults not recovered within the cap)` : ''}`,
    `  phantom stored sessions ${v.sessions.phantoms.length}  (server STORED, no bag put in; informational)`,
    '',
    v.ok ? 'PASS: nothing lost, doubled, missed, stranded or falsely alerted' : 'FAIL',
  ];
  const details: string[] = [];
  for (const x of v.sessions.lost) details.push(`lost: session ${x.sessionId}: ${x.why}`);
  for (const x of v.sessions.unobservable) details.push(`unobservable: session ${x.sessionId}: ${x.why}`);
  for (const x of v.pulses.doubled) details.push(`doubled pulse: ${x.label} at ${iso(x.pulse.startedAt)}`);
  for (const x of v.pulses.missed)
    details.push(
      `missed pulse: ${x.label}, unlock requested at ${iso(x.command.at)} recorded UNLOCKED, no pulse`,
    );
  for (const x of v.alerts.filter((a) => a.verdict === 'false'))
    details.push(
      `false alert: ${x.alert.type} ${x.label} at ${iso(Date.parse(x.alert.createdAt))}: ${x.why}`,
    );
  for (const x of v.doorEvents)
    details.push(`door event contradicted: ${x.event.type} ${x.label} at ${iso(Date.parse(x.event.at))}`);
  for (const x of v.stranded)
    details.push(
      `stranded: traveller ${x.anomaly.traveller} (session ${x.anomaly.sessionId}) tried to ${x.anomaly.gaveUp?.what} from ${iso(x.anomaly.gaveUp?.since ?? 0)} to ${iso(x.anomaly.at)}, ${(x.healthyMs / 1000).toFixed(0)} s of it with no fault`,
    );
  for (const x of v.payments) details.push(`payment: session ${x.sessionId}: ${x.why}`);
  for (const a of history.anomalies)
    details.push(`traveller ${a.traveller} (session ${a.sessionId}) at ${iso(a.at)}: ${a.what}`);
  return [...lines, ...(details.length ? ['', ...details] : [])].join('\n');
}

function mark(n: number): string {
  return n > 0 ? '   <-- must be 0' : '';
}
