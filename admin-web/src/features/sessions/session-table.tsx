import { href } from '../../app/router';
import type { SessionRowFragment } from '../../api/generated/graphql';
import { formatDateTime, formatMoney, humanize } from '../../ui/format';

/** Sessions as a table; each row links to the session page. */
export function SessionTable({ sessions }: { sessions: readonly SessionRowFragment[] }) {
  if (sessions.length === 0) return <p>No sessions match.</p>;
  return (
    <table className="table" aria-label="Sessions">
      <thead>
        <tr>
          <th scope="col">Session</th>
          <th scope="col">Status</th>
          <th scope="col">Compartment</th>
          <th scope="col">Size</th>
          <th scope="col">Contact</th>
          <th scope="col">Created</th>
          <th scope="col">Due</th>
          <th scope="col">Amount due</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id} className={s.overdue ? 'overdue' : undefined}>
            <td>
              <a href={href('sessions', s.id)}>{s.id.slice(0, 8)}</a>
            </td>
            <td>
              {humanize(s.status)}
              {s.overdue && <strong className="flag"> overdue</strong>}
            </td>
            <td>{s.compartment?.label ?? '—'}</td>
            <td>{humanize(s.size)}</td>
            <td>{s.contactEmail ?? s.contactPhone ?? '—'}</td>
            <td>{formatDateTime(s.createdAt, s.site.timezone)}</td>
            <td>{formatDateTime(s.dueAt, s.site.timezone)}</td>
            <td>{formatMoney(s.amountDue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
