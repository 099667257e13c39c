// The audit search as typed, turned into the API's filters (all applied on the server).
// Pure, tested in audit-filters.test.ts.
import type { AuditLogQueryVariables } from '../../api/generated/graphql';
import { addDays, startOfDayIn } from '../reports/zoned-time';

/** The search form's fields; empty strings mean "any". */
export interface AuditFilters {
  /** `site`: the chosen site's entries; `all`: every site the caller sees, and accounts. */
  scope: 'site' | 'all';
  /** Part of the actor's name or e-mail. */
  actor: string;
  /** An action or its prefix, e.g. `user.` */
  action: string;
  /** yyyy-mm-dd, days in `timeZone`; "to" is inclusive. */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { scope: 'site', actor: '', action: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Variables for the AuditLog query; days become instants at midnight in `timeZone`. */
export function auditVariables(
  f: AuditFilters,
  siteId: string | null,
  timeZone: string,
  first: number,
): AuditLogQueryVariables {
  const text = (s: string) => s.trim() || null;
  return {
    siteId: f.scope === 'all' ? null : siteId,
    actor: text(f.actor),
    action: text(f.action)?.toLowerCase() ?? null,
    from: DAY.test(f.from) ? startOfDayIn(f.from, timeZone) : null,
    // The API's `until` is inclusive: the last millisecond of the day.
    until: DAY.test(f.to)
      ? new Date(Date.parse(startOfDayIn(addDays(f.to, 1), timeZone)) - 1).toISOString()
      : null,
    first,
  };
}

/** What is wrong with the typed filters before asking the server, or null. */
export function auditFilterError(f: AuditFilters): string | null {
  if (f.from && f.to && f.from > f.to) return '“From” must not be after “To”.';
  const action = f.action.trim();
  if (action && !/^[a-zA-Z.-]{1,64}$/.test(action))
    return 'An action is letters, dots and dashes, e.g. user.';
  return null;
}

/** A changed-fields JSON object as "field: before → after" lines. */
export function describeChange(before: string | null, after: string | null): string[] {
  const b = parse(before);
  const a = parse(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((k) => {
    const show = (v: unknown) =>
      v === undefined ? '—' : v === null ? 'none' : typeof v === 'string' ? v : JSON.stringify(v);
    if (!before) return `${k}: ${show(a[k])}`;
    if (!after) return `${k}: was ${show(b[k])}`;
    return `${k}: ${show(b[k])} → ${show(a[k])}`;
  });
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
