import { useAuth } from '../features/auth/auth-context';
import { useConnection } from '../api/use-connection';

const TEXT = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Offline',
} as const;

/** Shows whether live updates are flowing and, while they are not, the retries. */
export function ConnectionBadge() {
  const { session } = useAuth();
  const { status, attempt, nextRetryAt } = useConnection();
  const retrying = status !== 'connected' && attempt > 0;
  const wait = nextRetryAt === null ? 0 : Math.max(0, Math.round((nextRetryAt - Date.now()) / 1000));
  return (
    <span className="connection">
      <span
        className={`badge conn-${status}`}
        role="status"
        aria-live="polite"
        data-testid="connection-state"
      >
        {TEXT[status]}
      </span>
      {retrying && (
        <>
          <span className="conn-retry" data-testid="connection-retry">
            attempt {attempt}
            {wait > 0 ? `, next in ${wait} s` : ''}
          </span>
          <button type="button" className="small" onClick={session.retryNow}>
            Retry now
          </button>
        </>
      )}
    </span>
  );
}
