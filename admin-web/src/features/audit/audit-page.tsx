// The audit log: who changed what and when, newest first, a page at a time. Every filter
// is applied by the server; days are in the chosen site's zone (UTC across all sites).
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import { useSite } from '../../app/site-context';
import { useDebounced } from '../sessions/use-debounced';
import { auditFilterError, auditVariables, NO_AUDIT_FILTERS, type AuditFilters } from './audit-filters';
import { AuditFilterForm } from './audit-filter-form';
import { AuditLogQuery } from './audit.operations';
import { AuditTable } from './audit-table';
import { ExportCsvButton } from '../reports/export-button';
import { exportPath } from '../reports/download';

const PAGE = 25;

/** The audit page with filters and "Load more". */
export function AuditPage() {
  const { site, sites } = useSite();
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const settled = useDebounced(filters, 300);
  const zone = (f: AuditFilters) => (f.scope === 'all' || !site ? 'UTC' : site.timezone);
  const invalid = auditFilterError(settled);
  const variables = auditVariables(settled, site?.id ?? null, zone(settled), PAGE);
  const { data, error, loading, fetchMore } = useQuery(AuditLogQuery, {
    variables,
    skip: Boolean(invalid) || (settled.scope === 'site' && !site),
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const entries = data?.auditLog ?? [];
  // A page as long as asked for may have a next one; a shorter page is the last.
  const [exhausted, setExhausted] = useState<string | null>(null);
  const key = JSON.stringify(settled) + (site?.id ?? '');
  const more = entries.length > 0 && entries.length % PAGE === 0 && exhausted !== key;

  function loadMore() {
    const last = entries[entries.length - 1];
    if (!last) return;
    void fetchMore({
      variables: { after: last.id },
      updateQuery: (prev, { fetchMoreResult }) => {
        if (fetchMoreResult.auditLog.length < PAGE) setExhausted(key);
        return { auditLog: [...prev.auditLog, ...fetchMoreResult.auditLog] };
      },
    });
  }

  return (
    <main className="page">
      <h1>Audit log</h1>
      <AuditFilterForm filters={filters} timeZone={zone(filters)} onChange={setFilters} />
      {invalid && (
        <p role="alert" className="error">
          {invalid}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      <p className="muted" aria-live="polite" data-testid="audit-count">
        {data ? `${entries.length} shown, newest first` : loading ? 'Loading…' : ''}
      </p>
      <ExportCsvButton
        path={exportPath('audit', variables)}
        fileName={`audit-${new Date().toISOString().slice(0, 10)}.csv`}
        enabled={!invalid && !(settled.scope === 'site' && !site)}
      />
      {data && !invalid && <AuditTable entries={entries} sites={sites} />}
      {more && !invalid && (
        <button type="button" onClick={loadMore} disabled={loading}>
          Load more
        </button>
      )}
    </main>
  );
}
