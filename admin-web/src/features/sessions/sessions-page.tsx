// Session search: every filter (status, overdue, site, compartment, contact, creation days)
// is applied by the server, so the count and "Load more" cover all matching sessions.
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import { useSite } from '../../app/site-context';
import { SessionsQuery } from './sessions.operations';
import {
  contactHint,
  NO_FILTERS,
  rangeError,
  sessionVariables,
  type SessionFilters,
} from './session-filters';
import { SessionTable } from './session-table';
import { SessionFilterForm } from './session-filter-form';
import { useDebounced } from './use-debounced';
import { ExportCsvButton } from '../reports/export-button';
import { exportPath } from '../reports/download';

const PAGE = 25;

/** The sessions list with filters and "Load more". */
export function SessionsPage() {
  const { site } = useSite();
  const [filters, setFilters] = useState<SessionFilters>(NO_FILTERS);
  const settled = useDebounced(filters, 300);
  const timeZone = settled.allSites || !site ? 'UTC' : site.timezone;
  const badRange = rangeError(settled);
  const variables = sessionVariables(settled, site?.id ?? null, timeZone, PAGE);
  const { data, error, loading, fetchMore } = useQuery(SessionsQuery, {
    variables,
    skip: Boolean(badRange),
    fetchPolicy: 'cache-and-network',
  });
  const conn = data?.sessions;

  function loadMore() {
    if (!conn?.pageInfo.endCursor) return;
    void fetchMore({
      variables: { after: conn.pageInfo.endCursor },
      updateQuery: (prev, { fetchMoreResult }) => ({
        sessions: {
          ...fetchMoreResult.sessions,
          nodes: [...(prev.sessions?.nodes ?? []), ...fetchMoreResult.sessions.nodes],
        },
      }),
    });
  }

  return (
    <main className="page">
      <h1>Sessions</h1>
      <SessionFilterForm
        filters={filters}
        timeZone={filters.allSites || !site ? 'UTC' : site.timezone}
        onChange={setFilters}
      />
      {badRange && (
        <p role="alert" className="error">
          {badRange}
        </p>
      )}
      {contactHint(filters) && <p className="muted">{contactHint(filters)}</p>}
      {error && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      <p className="muted" aria-live="polite" data-testid="sessions-count">
        {conn ? `${conn.totalCount} matching · ${conn.nodes.length} shown` : loading ? 'Loading…' : ''}
      </p>
      <ExportCsvButton
        path={exportPath('sessions', variables)}
        fileName={`sessions-${new Date().toISOString().slice(0, 10)}.csv`}
        enabled={!badRange}
      />
      {conn && <SessionTable sessions={conn.nodes} />}
      {conn?.pageInfo.hasNextPage && (
        <button type="button" onClick={loadMore} disabled={loading}>
          Load more
        </button>
      )}
    </main>
  );
}
