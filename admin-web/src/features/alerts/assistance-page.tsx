// Assistance requests as a queue: open ones first (oldest first), then answered ones.
import { useState } from 'react';
import { errorMessage } from '../../api/errors';
import { useSite } from '../../app/site-context';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/permissions';
import { assistanceQueue } from './alert-list';
import { AlertRow } from './alert-row';
import { useLiveAlerts } from './use-live-alerts';
import { playAlertTone } from './alert-cue';

/** The assistance queue of the chosen site. */
export function AssistancePage() {
  const { site } = useSite();
  if (!site) return <p>No site.</p>;
  return <AssistanceQueue key={site.id} siteId={site.id} timeZone={site.timezone} />;
}

function AssistanceQueue({ siteId, timeZone }: { siteId: string; timeZone: string }) {
  const { user } = useAuth();
  const [ackError, setAckError] = useState<string | null>(null);
  const { alerts, acknowledge, error } = useLiveAlerts(siteId, {
    openOnly: false,
    onRaised: (a) => a.type === 'ASSISTANCE_REQUESTED' && playAlertTone(),
  });
  const queue = assistanceQueue(alerts);
  const waiting = queue.filter((a) => !a.acknowledgedAt).length;
  const ack = can(user?.role, 'operate')
    ? (id: string) => {
        setAckError(null);
        acknowledge(id).catch((err: unknown) => setAckError(errorMessage(err)));
      }
    : undefined;
  return (
    <main className="page">
      <h1>
        Assistance requests <span className="count">{waiting} waiting</span>
      </h1>
      <p className="muted">
        Answer a request by opening the compartment from its session or the board, then acknowledge it here.
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
      {queue.length === 0 ? (
        <p>No assistance requests.</p>
      ) : (
        <ul className="alert-list" aria-label="Assistance queue">
          {queue.map((a) => (
            <AlertRow key={a.id} alert={a} timeZone={timeZone} onAcknowledge={ack} />
          ))}
        </ul>
      )}
    </main>
  );
}
