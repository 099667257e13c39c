import { formatDateTime } from '../../ui/format';
import type { BoardSite } from './use-live-board';

type BoardGateway = BoardSite['gateways'][number];

const MODE_TEXT: Record<BoardGateway['mode'], string> = {
  ONLINE: 'Online',
  OFFLINE: 'Offline',
  OFFLINE_AUTONOMOUS: 'Offline, site running on its own',
};

/** What still waits to reach the server from the site's journal, in words. */
function waitingText(g: BoardGateway): string | null {
  if (g.mode === 'OFFLINE_AUTONOMOUS')
    return g.offlineEventsWaiting > 0
      ? `${g.offlineEventsWaiting} offline events waiting to sync, and what it does until it is back`
      : 'stored, paid bags still open there; what it does is synced when it is back';
  if (g.offlineEventsWaiting > 0) return `syncing: ${g.offlineEventsWaiting} offline events waiting`;
  return null;
}

/**
 * Each gateway of the site: online, offline, or offline-autonomous (it keeps a replica and
 * opens stored bags on its own), with the offline events still waiting to reach the server.
 */
export function GatewayList({ gateways, timeZone }: { gateways: BoardSite['gateways']; timeZone: string }) {
  if (gateways.length === 0) return <p className="muted">No gateway registered.</p>;
  return (
    <ul className="gateways" aria-label="Gateways">
      {gateways.map((g) => {
        const waiting = waitingText(g);
        return (
          <li
            key={g.id}
            className={
              g.online ? 'online' : g.mode === 'OFFLINE_AUTONOMOUS' ? 'offline autonomous' : 'offline'
            }
            data-testid="gateway-status"
            data-mode={g.mode}
          >
            <span className="dot" aria-hidden="true" /> {g.name}: <strong>{MODE_TEXT[g.mode]}</strong>
            {waiting && <span data-testid="gateway-waiting"> · {waiting}</span>}
            <span className="muted"> (last seen {formatDateTime(g.lastSeenAt, timeZone)})</span>
          </li>
        );
      })}
    </ul>
  );
}
