/** The money rules of a session, as pure functions of its tariff snapshot and the time. */
export interface ChargeInput {
  status: string;
  price: number;
  overduePerHour: number;
  graceMinutes: number;
  dueAt: Date | string | null;
  retrievedAt: Date | string | null;
  endedAt?: Date | string | null;
  paid: number;
  /** The overdue fee run up before the due time last moved (an extension); 0 when it never moved. */
  earlierOverdueFee?: number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

const time = (d: Date | string | null | undefined): number | null =>
  d == null ? null : new Date(d).getTime();

/** Overdue: stored past dueAt + grace (measured until pick-up for finished sessions). */
export function isOverdue(s: ChargeInput, now: Date): boolean {
  const due = time(s.dueAt);
  if (due === null || s.status === 'CANCELLED') return false;
  if (s.status === 'COMPLETED') return false;
  return now.getTime() > due + s.graceMinutes * MINUTE;
}

/**
 * The overdue fee: overduePerHour for each started hour past dueAt, once past the grace, plus
 * what was run up before dueAt last moved (an extension bought while late keeps that fee).
 */
export function overdueFee(s: ChargeInput, now: Date): number {
  const due = time(s.dueAt);
  if (due === null || s.status === 'CANCELLED') return 0;
  const earlier = s.earlierOverdueFee ?? 0;
  const end = time(s.retrievedAt) ?? time(s.endedAt) ?? now.getTime();
  if (end <= due + s.graceMinutes * MINUTE) return earlier;
  return earlier + Math.ceil((end - due) / HOUR) * s.overduePerHour;
}

/**
 * Whole minutes past dueAt (until pick-up for finished sessions; 0 before it or without one). The
 * kiosk says "over by" with it next to the fee, so a traveller can check the started hours.
 */
export function minutesOverdue(s: ChargeInput, now: Date): number {
  const due = time(s.dueAt);
  if (due === null || s.status === 'CANCELLED') return 0;
  const end = time(s.retrievedAt) ?? time(s.endedAt) ?? now.getTime();
  return Math.max(0, Math.floor((end - due) / MINUTE));
}

/** What must be paid before the next unlock: price plus overdue fee, less captured payments. */
export function amountDue(s: ChargeInput, now: Date): number {
  if (s.status === 'CANCELLED') return 0;
  return Math.max(0, s.price + overdueFee(s, now) - s.paid);
}
