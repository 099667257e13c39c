// An alert's trail for people: each step of its lifecycle in words.

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
