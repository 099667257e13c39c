import type { AuditLogQuery } from '../../api/generated/graphql';
import type { SiteSummary } from '../../app/site-context';
import { formatZonedSeconds, humanize } from '../../ui/format';
import { describeChange } from './audit-filters';

type Entry = AuditLogQuery['auditLog'][number];

/** Audit entries as a table, each time in its site's zone (UTC for accounts). */
export function AuditTable({ entries, sites }: { entries: readonly Entry[]; sites: readonly SiteSummary[] }) {
  if (entries.length === 0) return <p>No entries match.</p>;
  const zoneOf = (siteId: string | null) => sites.find((s) => s.id === siteId)?.timezone ?? 'UTC';
  const nameOf = (siteId: string | null) => sites.find((s) => s.id === siteId)?.name ?? '—';
  return (
    <table className="table" aria-label="Audit log">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">What</th>
          <th scope="col">Site</th>
          <th scope="col">Changes</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-testid={`audit-${e.id}`}>
            <td>
              <time dateTime={e.at}>{formatZonedSeconds(e.at, zoneOf(e.siteId))}</time>
            </td>
            <td>
              {e.actorName}
              <span className="muted"> · {humanize(e.actorKind)}</span>
            </td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>{e.summary}</td>
            <td>{nameOf(e.siteId)}</td>
            <td>
              <ul className="plain">
                {describeChange(e.before, e.after).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
