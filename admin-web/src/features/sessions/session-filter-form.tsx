import type { SessionStatus } from '../../api/generated/graphql';
import { humanize } from '../../ui/format';
import type { SessionFilters } from './session-filters';

const STATUSES: SessionStatus[] = ['CREATED', 'DEPOSITING', 'STORED', 'RETRIEVING', 'COMPLETED', 'CANCELLED'];

/** The search form; every filter is applied by the server. */
export function SessionFilterForm({
  filters,
  timeZone,
  onChange,
}: {
  filters: SessionFilters;
  timeZone: string;
  onChange: (f: SessionFilters) => void;
}) {
  const set = (patch: Partial<SessionFilters>) => onChange({ ...filters, ...patch });
  return (
    <form className="filters" role="search" aria-label="Filter sessions" onSubmit={(e) => e.preventDefault()}>
      <label>
        Status
        <select
          value={filters.status}
          onChange={(e) => set({ status: e.target.value as SessionFilters['status'] })}
        >
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Overdue
        <select
          value={filters.overdue}
          onChange={(e) => set({ overdue: e.target.value as SessionFilters['overdue'] })}
        >
          <option value="">Any</option>
          <option value="yes">Overdue</option>
          <option value="no">Not overdue</option>
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.allSites}
          onChange={(e) => set({ allSites: e.target.checked })}
        />
        All sites
      </label>
      <label>
        Compartment
        <input
          type="search"
          value={filters.label}
          placeholder="A07"
          onChange={(e) => set({ label: e.target.value })}
        />
      </label>
      <label>
        Contact
        <input
          type="search"
          value={filters.contact}
          placeholder="email or phone"
          onChange={(e) => set({ contact: e.target.value })}
        />
      </label>
      <label>
        Created from
        <input type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label>
        to ({timeZone})
        <input type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
      </label>
    </form>
  );
}
