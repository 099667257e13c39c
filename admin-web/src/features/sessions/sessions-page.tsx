// Session search: status, overdue and site on the server (cursor pages); compartment
// label, contact and date on the loaded pages until the API filters them.
import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { SessionStatus } from '../../api/generated/graphql';
import { useSite } from '../../app/site-context';
import { SessionsQuery } from './sessions.operations';
import { filterSessions, NO_LOCAL_FILTERS, type LocalFilters } from './session-filters';
import { SessionTable } from './session-table';
import { SessionFilterForm, type ServerFilters } from './session-filter-form';

const PAGE = 25;

/** The sessions list with filters and "Load more". */
export function SessionsPage() {
  const { site } = useSite();
  const [server, setServer] = useState<ServerFilters>({ status: '', overdue: '', allSites: false });
  const [local, setLocal] = useState<LocalFilters>(NO_LOCAL_FILTERS);
  const variables = {
    siteId: server.allSites ? null : (site?.id ?? null),
    status: (server.status || null) as SessionStatus | null,
    overdue: server.overdue === '' ? null : server.overdue === 'yes',
    first: PAGE,
  };
  const { data, error, loading, fetchMore } = useQuery(SessionsQuery, { variables, fetchPolicy: 'cache-and-network' });
  const conn = data?.sessions;
  const rows = useMemo(() => filterSessions(conn?.nodes ?? [], local), [conn, local]);

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
      <SessionFilterForm server={server} local={local} onServer={setServer} onLocal={setLocal} />
      {error && <p role="alert" className="error">{errorMessage(error)}</p>}
      <p className="muted" aria-live="polite">
        {conn ? `${rows.length} shown of ${conn.nodes.length} loaded (${conn.totalCount} matching on the server)` : loading ? 'Loading…' : ''}
      </p>
      <SessionTable sessions={rows} />
      {conn?.pageInfo.hasNextPage && (
        <button type="button" onClick={loadMore} disabled={loading}>
          Load more
        </button>
      )}
    </main>
  );
}
