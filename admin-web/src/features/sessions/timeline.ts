// A session's timeline: its door events, status transitions, payments and refunds in one
// list, by time.
import type { SessionDetailQuery } from '../../api/generated/graphql';
import { formatMoney, humanize } from '../../ui/format';

type Detail = NonNullable<SessionDetailQuery['session']>;

/** One line of the timeline. */
export interface TimelineEntry {
  key: string;
  at: string;
  kind: 'door' | 'status' | 'payment';
  title: string;
  detail: string | null;
}

type Payment = Detail['payments'][number];

/** An extension's minutes as the timeline says them: "+2 h", "+1 h 30 min". */
function plusTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `+${[h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ')}`;
}

/** A payment's steps: started, captured (or how it ended), refunded and the refund confirmed. */
function paymentEntries(p: Payment): TimelineEntry[] {
  const amount = `${formatMoney(p.amount)} (${p.provider})`;
  const ended = p.status === 'DECLINED' || p.status === 'CANCELLED' ? ` · ${humanize(p.status)}` : '';
  // an extension buys time: it says how much, and its capture is when the due time moved
  const extension = p.kind === 'EXTENSION' ? plusTime(p.extensionMinutes ?? 0) : null;
  const what = extension ? 'Extension' : 'Payment';
  const entries: TimelineEntry[] = [
    {
      key: `p${p.id}`,
      at: p.createdAt,
      kind: 'payment',
      title: `${what} started · ${extension ? `${extension} · ` : ''}${amount}${ended}`,
      detail: null,
    },
  ];
  if (p.capturedAt)
    entries.push({
      key: `p${p.id}c`,
      at: p.capturedAt,
      kind: 'payment',
      title: `${what} captured · ${amount}`,
      detail: extension ? `Due time moved ${extension}` : null,
    });
  if (p.refundedAt) {
    const who = p.refundAutomatic
      ? 'automatically'
      : p.refundedBy
        ? `by ${p.refundedBy.replace(/^user:/, '')}`
        : null;
    const effect = extension
      ? 'The time bought stays'
      : p.refundEffect === 'WAIVE_FEE'
        ? 'Fee waived'
        : p.refundEffect === 'CANCEL_CHARGE'
          ? 'Charge cancelled: due again'
          : null;
    entries.push({
      key: `p${p.id}r`,
      at: p.refundedAt,
      kind: 'payment',
      title: `Refunded · ${formatMoney(p.amount)}`,
      detail: [who, p.refundReason, effect].filter(Boolean).join(' — ') || null,
    });
  }
  if (p.refundSentAt)
    entries.push({
      key: `p${p.id}s`,
      at: p.refundSentAt,
      kind: 'payment',
      title: 'Refund confirmed by the provider',
      detail: null,
    });
  return entries;
}

const ORDER = { status: 0, payment: 1, door: 2 } as const;

/** Door events, transitions and payments merged, oldest first (ties: status, payment, door). */
export function buildTimeline(
  session: Pick<Detail, 'events' | 'history'> & { payments?: Detail['payments'] },
): TimelineEntry[] {
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
    ...(session.payments ?? []).flatMap(paymentEntries),
  ];
  // Instants compared as times: the server's ISO strings may differ in their fractions.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || ORDER[a.kind] - ORDER[b.kind]);
}
