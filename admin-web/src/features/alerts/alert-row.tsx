import { href } from '../../app/router';
import { formatDateTime, humanize } from '../../ui/format';
import type { AlertItem } from './alert-list';

/** One alert with its context and, when allowed, an acknowledge button. */
export function AlertRow({
  alert: a,
  timeZone,
  onAcknowledge,
}: {
  alert: AlertItem;
  timeZone: string;
  onAcknowledge?: (id: string) => void;
}) {
  return (
    <li
      className={`alert alert-${a.type.toLowerCase()}${a.acknowledgedAt ? ' acked' : ''}`}
      data-testid="alert"
      data-type={a.type}
    >
      <div>
        <strong>{humanize(a.type)}</strong>
        {a.compartment && <> · {a.compartment.label}</>} ·{' '}
        <time dateTime={a.createdAt}>{formatDateTime(a.createdAt, timeZone)}</time>
      </div>
      <div>{a.message}</div>
      <div className="row">
        {a.session && <a href={href('sessions', a.session.id)}>Open session</a>}
        {a.resolvedAt && !a.acknowledgedAt && (
          <span className="muted">Resolved {formatDateTime(a.resolvedAt, timeZone)}</span>
        )}
        <a href={href('alerts', a.id)}>
          History<span className="sr-only"> of the {humanize(a.type).toLowerCase()} alert</span>
        </a>
        {a.acknowledgedAt ? (
          <span className="muted">Acknowledged {formatDateTime(a.acknowledgedAt, timeZone)}</span>
        ) : (
          onAcknowledge && (
            <button type="button" onClick={() => onAcknowledge(a.id)}>
              Acknowledge
            </button>
          )
        )}
      </div>
    </li>
  );
}
