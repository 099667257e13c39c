import type { StorageSessionEntity } from '../../entities/session.entity.js';

/** The most steps one extension buys: enough for a longer day, small enough to undo by a refund. */
export const MAX_EXTENSION_STEPS = 3;

/** What more storage time costs for a session: steps of its tariff's included period at its price. */
export interface ExtensionTerms {
  stepMinutes: number;
  stepPrice: number;
  maxSteps: number;
}

type Priced = Pick<StorageSessionEntity, 'price' | 'includedMinutes'>;

/**
 * The session's own tariff (its snapshot at issue, not today's tariff) says what time costs:
 * `price` buys `includedMinutes`, so more time is sold in those steps at that price. A free
 * tariff sells nothing: free time without end would take a compartment from everyone else.
 */
export function extensionTerms(s: Priced): ExtensionTerms | null {
  if (s.price <= 0 || s.includedMinutes <= 0) return null;
  return { stepMinutes: s.includedMinutes, stepPrice: s.price, maxSteps: MAX_EXTENSION_STEPS };
}

/**
 * Where the due time goes when an extension is captured: on from the old due time, or from now
 * when that has passed (the late hours are charged by the overdue fee, not given again).
 */
export function extendedDueAt(dueAt: Date, minutes: number, now: Date): Date {
  return new Date(Math.max(dueAt.getTime(), now.getTime()) + minutes * 60_000);
}
