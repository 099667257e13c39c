import { formatDateTime } from '../../ui/format';
import type { BoardSite } from './use-live-board';

/** Each gateway of the site, online or offline, with when it was last heard from. */
export function GatewayList({ gateways, timeZone }: { gateways: BoardSite['gateways']; timeZone: string }) {
  if (gateways.length === 0) return <p className="muted">No gateway registered.</p>;
  return (
    <ul className="gateways" aria-label="Gateways">
      {gateways.map((g) => (
        <li key={g.id} className={g.online ? 'online' : 'offline'} data-testid="gateway-status">
          <span className="dot" aria-hidden="true" /> {g.name}:{' '}
          <strong>{g.online ? 'Online' : 'Offline'}</strong>
          <span className="muted"> (last seen {formatDateTime(g.lastSeenAt, timeZone)})</span>
        </li>
      ))}
    </ul>
  );
}
