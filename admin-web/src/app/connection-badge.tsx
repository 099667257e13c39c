import { useConnection } from '../api/use-connection';

const TEXT = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Offline',
} as const;

/** Shows whether live updates are flowing. */
export function ConnectionBadge() {
  const { status } = useConnection();
  return (
    <span className={`badge conn-${status}`} role="status" aria-live="polite" data-testid="connection-state">
      {TEXT[status]}
    </span>
  );
}
