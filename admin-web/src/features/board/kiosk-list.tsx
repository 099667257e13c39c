// Each kiosk of the site: when it last called the server, the app version it runs, and
// whether it has gone quiet (the server raises KIOSK_QUIET after 3 minutes of silence and
// resolves it when the kiosk is heard again). Last seen is written at most once a minute,
// so re-reading it every 30 s is as fresh as it gets.
import { useQuery } from '@apollo/client/react';
import { formatDateTime } from '../../ui/format';
import { BoardKiosksQuery } from './board.operations';

const REREAD_MS = 30_000;

export function KioskList({ siteId, timeZone }: { siteId: string; timeZone: string }) {
  const { data } = useQuery(BoardKiosksQuery, { variables: { siteId }, pollInterval: REREAD_MS });
  const kiosks = data?.site?.kiosks;
  if (!kiosks) return null;
  if (kiosks.length === 0) return <p className="muted">No kiosk registered.</p>;
  return (
    <ul className="gateways" aria-label="Kiosks">
      {kiosks.map((k) => (
        <li key={k.id} className={k.quiet ? 'offline' : 'online'} data-testid="kiosk-status">
          <span className="dot" aria-hidden="true" /> {k.name}:{' '}
          <strong>{k.quiet ? 'Quiet' : k.lastSeenAt ? 'Heard from' : 'Never seen'}</strong>
          <span className="muted">
            {' '}
            (last seen {formatDateTime(k.lastSeenAt, timeZone)}
            {k.appVersion ? ` · version ${k.appVersion}` : ''})
          </span>
        </li>
      ))}
    </ul>
  );
}
