import { humanize } from '../../ui/format';
import type { LocalFilters } from './session-filters';

/** Filters the API applies. Empty string = any. */
export interface ServerFilters {
  status: string;
  overdue: '' | 'yes' | 'no';
  allSites: boolean;
}

const STATUSES = ['CREATED', 'DEPOSITING', 'STORED', 'RETRIEVING', 'COMPLETED', 'CANCELLED'];

/** The search form: server filters apply at once; local ones narrow the loaded pages. */
export function SessionFilterForm({
  server,
  local,
  onServer,
  onLocal,
}: {
  server: ServerFilters;
  local: LocalFilters;
  onServer: (f: ServerFilters) => void;
  onLocal: (f: LocalFilters) => void;
}) {
  return (
    <form className="filters" role="search" aria-label="Filter sessions" onSubmit={(e) => e.preventDefault()}>
      <label>
        Status
        <select value={server.status} onChange={(e) => onServer({ ...server, status: e.target.value })}>
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
        <select value={server.overdue} onChange={(e) => onServer({ ...server, overdue: e.target.value as ServerFilters['overdue'] })}>
          <option value="">Any</option>
          <option value="yes">Overdue</option>
          <option value="no">Not overdue</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={server.allSites} onChange={(e) => onServer({ ...server, allSites: e.target.checked })} />
        All sites
      </label>
      <label>
        Compartment
        <input value={local.label} placeholder="A07" onChange={(e) => onLocal({ ...local, label: e.target.value })} />
      </label>
      <label>
        Contact
        <input value={local.contact} placeholder="email or phone" onChange={(e) => onLocal({ ...local, contact: e.target.value })} />
      </label>
      <label>
        Created from
        <input type="date" value={local.from} onChange={(e) => onLocal({ ...local, from: e.target.value })} />
      </label>
      <label>
        to
        <input type="date" value={local.to} onChange={(e) => onLocal({ ...local, to: e.target.value })} />
      </label>
    </form>
  );
}
