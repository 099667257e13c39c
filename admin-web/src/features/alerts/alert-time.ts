// Alert times for people: to the second, in the alert's site zone, with the zone's name.

/** e.g. "05/12/2026, 14:05:09 CET" in `timeZone`. */
export function formatAlertTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

const ACTIONS: Record<string, string> = {
  RAISED: 'Raised',
  ACKNOWLEDGED: 'Acknowledged',
  ASSIGNED: 'Assigned',
  UNASSIGNED: 'Unassigned',
  NOTE: 'Note',
  RESOLVED: 'Resolved',
};

/** One step of the history as a line: "Assigned to Olga <o@x>", "Note: …". */
export function describeStep(step: { action: string; note: string | null }): string {
  const label = ACTIONS[step.action] ?? step.action;
  if (step.action === 'ASSIGNED') return `Assigned to ${step.note ?? 'someone'}`;
  return step.note ? `${label}: ${step.note}` : label;
}
