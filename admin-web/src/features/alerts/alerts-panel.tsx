// Open alerts of the site, as they are raised: a beep, a flashing panel and a screen-reader
// announcement for each new one; acknowledge for staff who operate.
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/permissions';
import { playAlertTone } from './alert-cue';
import { openAlerts, type AlertItem } from './alert-list';
import { AlertRow } from './alert-row';
import { useLiveAlerts } from './use-live-alerts';

/** The board's alert panel. `onRaised` lets the board react too (e.g. gateway offline). */
export function AlertsPanel({
  siteId,
  timeZone,
  onRaised,
}: {
  siteId: string;
  timeZone: string;
  onRaised?: (alert: AlertItem) => void;
}) {
  const { user } = useAuth();
  const [flash, setFlash] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [ackError, setAckError] = useState<string | null>(null);
  const raised = useCallback(
    (a: AlertItem) => {
      playAlertTone();
      setFlash(true);
      setAnnounce(
        `New alert: ${a.type.replace(/_/g, ' ').toLowerCase()}${a.compartment ? ` at ${a.compartment.label}` : ''}`,
      );
      onRaised?.(a);
    },
    [onRaised],
  );
  const { alerts, acknowledge, error } = useLiveAlerts(siteId, { openOnly: true, onRaised: raised });

  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(false), 4000);
    return () => clearTimeout(t);
  }, [flash]);

  const open = openAlerts(alerts);
  const ack = can(user?.role, 'operate')
    ? (id: string) => {
        setAckError(null);
        acknowledge(id).catch((err: unknown) => setAckError(errorMessage(err)));
      }
    : undefined;

  return (
    <section className={`card alerts-panel${flash ? ' flash' : ''}`} aria-labelledby="alerts-title">
      <h2 id="alerts-title">
        Open alerts <span className="count">{open.length}</span>
      </h2>
      <p className="sr-only" aria-live="assertive">
        {announce}
      </p>
      {error && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      {ackError && (
        <p role="alert" className="error">
          {ackError}
        </p>
      )}
      {open.length === 0 ? (
        <p className="muted">No open alerts.</p>
      ) : (
        <ul className="alert-list">
          {open.map((a) => (
            <AlertRow key={a.id} alert={a} timeZone={timeZone} onAcknowledge={ack} />
          ))}
        </ul>
      )}
    </section>
  );
}
