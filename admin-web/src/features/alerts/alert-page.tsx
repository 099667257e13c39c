// One alert: what happened, where it stands, who has it, and its history, each time to the
// second in the site's zone; staff who operate handle it here.
import { useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import { href } from '../../app/router';
import { formatZonedSeconds, humanize } from '../../ui/format';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/permissions';
import { AlertActions } from './alert-actions';
import { AlertDetailQuery } from './alert-life.operations';
import { describeStep } from './alert-time';

/** The page of alert `id`. */
export function AlertPage({ id }: { id: string }) {
  const { user } = useAuth();
  const { data, error, refetch } = useQuery(AlertDetailQuery, {
    variables: { alertId: id },
    fetchPolicy: 'cache-and-network',
  });
  const a = data?.alert;
  if (error && !a)
    return (
      <main className="page">
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      </main>
    );
  if (!a) return <p className="page-status">Loading alert…</p>;
  const zone = a.site.timezone;
  return (
    <main className="page">
      <p>
        <a href={href('alerts')}>All alerts</a>
      </p>
      <h1>
        {humanize(a.type)}
        {a.compartment && <> · {a.compartment.label}</>}
      </h1>
      <section className="card" aria-label="Alert">
        <p>{a.message}</p>
        <dl className="facts">
          <dt>Status</dt>
          <dd data-testid="alert-status">{humanize(a.status)}</dd>
          <dt>Site</dt>
          <dd>
            {a.site.name} ({zone})
          </dd>
          <dt>Assigned to</dt>
          <dd data-testid="alert-assignee">{a.assigneeName ?? 'Nobody'}</dd>
          {a.resolvedAt && (
            <>
              <dt>Resolved</dt>
              <dd>
                {formatZonedSeconds(a.resolvedAt, zone)} by {a.resolvedBy}
              </dd>
            </>
          )}
        </dl>
        {a.session && <a href={href('sessions', a.session.id)}>Open session</a>}
      </section>
      {a.status !== 'RESOLVED' && can(user?.role, 'operate') && (
        <AlertActions key={a.assigneeId ?? ''} alert={a} onChanged={() => refetch()} />
      )}
      <section className="card" aria-labelledby="alert-history-title">
        <h2 id="alert-history-title">History</h2>
        <ol className="plain timeline" aria-label="History">
          {a.history.map((step, i) => (
            <li key={`${step.at}-${i}`}>
              <time dateTime={step.at}>{formatZonedSeconds(step.at, zone)}</time> · {describeStep(step)}
              <span className="muted"> · {step.actorName}</span>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
