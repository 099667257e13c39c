import type { AuditFilters } from './audit-filters';

/** The audit search form; every filter is applied by the server. */
export function AuditFilterForm({
  filters,
  timeZone,
  onChange,
}: {
  filters: AuditFilters;
  timeZone: string;
  onChange: (f: AuditFilters) => void;
}) {
  const set = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...patch });
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter the audit log"
      onSubmit={(e) => e.preventDefault()}
    >
      <label>
        Scope
        <select
          value={filters.scope}
          onChange={(e) => set({ scope: e.target.value as AuditFilters['scope'] })}
        >
          <option value="site">This site</option>
          <option value="all">All sites and accounts</option>
        </select>
      </label>
      <label>
        Who
        <input
          type="search"
          value={filters.actor}
          placeholder="name or email"
          onChange={(e) => set({ actor: e.target.value })}
        />
      </label>
      <label>
        Action
        <input
          type="search"
          list="audit-actions"
          value={filters.action}
          placeholder="user."
          onChange={(e) => set({ action: e.target.value })}
        />
      </label>
      <datalist id="audit-actions">
        {ACTIONS.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <label>
        From
        <input type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label>
        To ({timeZone})
        <input type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
      </label>
    </form>
  );
}

// Prefixes and actions offered while typing; any other prefix works too.
const ACTIONS = [
  'user.',
  'device.',
  'site.',
  'bank.',
  'compartment.',
  'tariff.',
  'alert.',
  'compartment.remote-open',
];
