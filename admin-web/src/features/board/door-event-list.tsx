import { href } from '../../app/router';
import { formatTime, humanize } from '../../ui/format';
import type { DoorEventItem } from './use-door-events';

const ALARMING = new Set(['FORCED_OPEN', 'LEFT_OPEN', 'UNLOCK_FAILED']);

/** The door event stream, newest first. */
export function DoorEventList({ events, timeZone }: { events: readonly DoorEventItem[]; timeZone: string }) {
  return (
    <section className="card" aria-labelledby="door-events-title">
      <h2 id="door-events-title">Door events</h2>
      {events.length === 0 ? (
        <p className="muted">No door events yet.</p>
      ) : (
        <ol className="event-list" data-testid="door-events" aria-live="polite">
          {events.map((e) => (
            <li key={e.id} className={ALARMING.has(e.type) ? 'alarming' : undefined}>
              <time dateTime={e.at}>{formatTime(e.at, timeZone)}</time> <strong>{e.compartment.label}</strong>{' '}
              {humanize(e.type)}
              {e.session && (
                <>
                  {' '}
                  · <a href={href('sessions', e.session.id)}>session</a>
                </>
              )}
              {e.detail && <span className="muted"> — {e.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
