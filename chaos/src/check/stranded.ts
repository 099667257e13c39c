/**
 * Travellers who walked away although the system had been serving for most of the time they
 * tried. Giving up while a fault lasts is what a person would do; giving up while nothing
 * was faulted means a door the system should have opened did not: a bag kept from its owner
 * or one never taken in, the failure a depositor notices first.
 */
import type { Anomaly, FaultRecord } from '../history.ts';

/** Healthy time within the traveller's attempt beyond which giving up is the system's fault. */
export const HEALTHY_ENOUGH_MS = 30_000;

export interface StrandedJourney {
  anomaly: Anomaly;
  healthyMs: number;
}

export function findStranded(
  anomalies: readonly Anomaly[],
  faults: readonly FaultRecord[],
  until: number,
): StrandedJourney[] {
  const stranded: StrandedJourney[] = [];
  for (const a of anomalies) {
    if (!a.gaveUp) continue;
    const from = a.gaveUp.since;
    const to = a.at;
    let faultedMs = 0;
    for (const f of faults) {
      const start = Math.max(from, f.startedAt);
      const end = Math.min(to, f.recoveredAt ?? until);
      if (end > start) faultedMs += end - start;
    }
    const healthyMs = to - from - faultedMs;
    if (healthyMs >= HEALTHY_ENOUGH_MS) stranded.push({ anomaly: a, healthyMs });
  }
  return stranded;
}
