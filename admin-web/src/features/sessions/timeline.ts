// A session's timeline: its door events and status transitions in one list, by time.
import type { SessionDetailQuery } from '../../api/generated/graphql';
import { humanize } from '../../ui/format';

type Detail = NonNullable<SessionDetailQuery['session']>;

/** One line of the timeline. */
export interface TimelineEntry {
  key: string;
  at: string;
  kind: 'door' | 'status';
  title: string;
  detail: string | null;
}

/** Door events and transitions merged, oldest first (ties: status change first). */
export function buildTimeline(session: Pick<Detail, 'events' | 'history'>): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...session.history.map((h, i) => ({
      key: `h${i}`,
      at: h.at,
      kind: 'status' as const,
      title: `${h.from ? humanize(h.from) : 'New'} → ${humanize(h.to)}`,
      detail: [`by ${h.actor}`, h.reason].filter(Boolean).join(' — '),
    })),
    ...session.events.map((e) => ({
      key: `e${e.id}`,
      at: e.at,
      kind: 'door' as const,
      title: `${humanize(e.type)} · ${e.compartment.label}`,
      detail: e.detail ?? null,
    })),
  ];
  return entries.sort(
    (a, b) => a.at.localeCompare(b.at) || (a.kind === b.kind ? 0 : a.kind === 'status' ? -1 : 1),
  );
}
