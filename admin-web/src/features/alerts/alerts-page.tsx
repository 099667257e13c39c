// Every alert of the site, not only the open ones: filter by status, newest first; each opens
// its page with the history, notes, assignee and resolution.
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import type { AlertStatus } from '../../api/generated/graphql';
import { errorMessage } from '../../api/errors';
import { href } from '../../app/router';
import { useSite } from '../../app/site-context';
import { formatZonedSeconds, humanize } from '../../ui/format';
import { AlertsByStatusQuery } from './alert-life.operations';

const STATUSES: AlertStatus[] = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];

/** The alerts list of the chosen site. */
export function AlertsPage() {
  const { site } = useSite();
  const [status, setStatus] = useState<AlertStatus | ''>('');
  const { data, error, loading } = useQuery(AlertsByStatusQuery, {
    variables: { siteId: site?.id ?? null, status: status || null },
    skip: !site,
    fetchPolicy: 'cache-and-network',
  });
  const alerts = data?.alerts ?? [];
  return (
    <main className="page">
      <h1>Alerts</h1>
      <form className="filters" role="search" aria-label="Filter alerts" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as AlertStatus | '')}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {error && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      {!data && loading && <p className="muted">Loading…</p>}
      {data && alerts.length === 0 && <p>No alerts match.</p>}
      {alerts.length > 0 && (
        <table className="table" aria-label="Alerts">
          <thead>
            <tr>
              <th scope="col">Raised</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">What</th>
              <th scope="col">Assigned to</th>
              <th scope="col">
                <span className="sr-only">Details</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.id} data-testid={`alert-${a.id}`}>
                <td>
                  <time dateTime={a.createdAt}>{formatZonedSeconds(a.createdAt, a.site.timezone)}</time>
                </td>
                <td>
                  {humanize(a.type)}
                  {a.compartment && <> · {a.compartment.label}</>}
                </td>
                <td>{humanize(a.status)}</td>
                <td>{a.message}</td>
                <td>{a.assigneeName ?? '—'}</td>
                <td>
                  <a href={href('alerts', a.id)}>
                    Details<span className="sr-only"> of the {humanize(a.type).toLowerCase()} alert</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
