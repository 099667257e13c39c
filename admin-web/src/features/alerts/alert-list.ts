// Pure helpers for alert lists (tested in alert-list.test.ts).
import type { AlertFieldsFragment } from '../../api/generated/graphql';

/** An alert as the dashboard shows it. */
export type AlertItem = AlertFieldsFragment;

/** Merges by id; a later copy (e.g. acknowledged) replaces an earlier one. */
export function mergeAlerts(current: readonly AlertItem[], incoming: readonly AlertItem[]): AlertItem[] {
  const byId = new Map(current.map((a) => [a.id, a]));
  for (const a of incoming) byId.set(a.id, { ...byId.get(a.id), ...a });
  return [...byId.values()];
}

/** Open alerts (not acknowledged, not resolved by themselves), newest first: what the board shows. */
export function openAlerts(alerts: readonly AlertItem[]): AlertItem[] {
  return alerts
    .filter((a) => !a.acknowledgedAt && !a.resolvedAt)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Assistance requests as a queue: open ones first, oldest first (first come, first
 * served), then answered ones, most recently raised first.
 */
export function assistanceQueue(alerts: readonly AlertItem[]): AlertItem[] {
  const help = alerts.filter((a) => a.type === 'ASSISTANCE_REQUESTED');
  const open = help.filter((a) => !a.acknowledgedAt).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const done = help.filter((a) => a.acknowledgedAt).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [...open, ...done];
}
