import type { SessionDetailQuery } from '../../api/generated/graphql';
import { formatDateTimeSeconds } from '../../ui/format';
import { buildTimeline } from './timeline';

const KIND = { door: 'Door', status: 'Status', payment: 'Payment' } as const;

/** Door events, status changes, payments and refunds of a session, oldest first. */
export function SessionTimeline({
  session,
  timeZone,
}: {
  session: Pick<NonNullable<SessionDetailQuery['session']>, 'events' | 'history' | 'payments'>;
  timeZone: string;
}) {
  const entries = buildTimeline(session);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {entries.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {entries.map((e) => (
            <li key={e.key} className={`tl-${e.kind}`}>
              <time dateTime={e.at}>{formatDateTimeSeconds(e.at, timeZone)}</time>{' '}
              <span className="tl-kind">{KIND[e.kind]}</span> <strong>{e.title}</strong>
              {e.detail && <span className="muted"> — {e.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
