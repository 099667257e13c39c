// The live link's state, as a tiny external store (read with useSyncExternalStore).
// `epoch` grows on every successful (re)connect: views that mirror server state take a
// fresh snapshot when it changes, because events sent while we were away are lost.

/** Where the WebSocket link stands. */
export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** What the UI reads: the status and how many times we have connected. */
export interface ConnectionState {
  status: LinkStatus;
  epoch: number;
  /** Failed tries since the link was last up (0 while connected). */
  attempt: number;
  /** When the next try starts (ms since the epoch), while waiting between tries. */
  nextRetryAt: number | null;
}

type Listener = () => void;

/** A store that the WebSocket client's lifecycle callbacks write to. */
export class ConnectionStore {
  private state: ConnectionState = { status: 'connecting', epoch: 0, attempt: 0, nextRetryAt: null };
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionState => this.state;

  connecting(): void {
    this.set({
      ...this.state,
      status: this.state.epoch === 0 ? 'connecting' : 'reconnecting',
      nextRetryAt: null,
    });
  }

  connected(): void {
    this.set({ status: 'connected', epoch: this.state.epoch + 1, attempt: 0, nextRetryAt: null });
  }

  closed(willRetry: boolean): void {
    this.set({ ...this.state, status: willRetry ? 'reconnecting' : 'closed' });
  }

  /** Waiting `ms` before try number `attempt` (a back-off between failed tries). */
  waiting(attempt: number, ms: number, now = Date.now()): void {
    this.set({
      ...this.state,
      status: this.state.epoch === 0 ? 'connecting' : 'reconnecting',
      attempt,
      nextRetryAt: now + ms,
    });
  }

  private set(next: ConnectionState): void {
    const cur = this.state;
    if (
      next.status === cur.status &&
      next.epoch === cur.epoch &&
      next.attempt === cur.attempt &&
      next.nextRetryAt === cur.nextRetryAt
    )
      return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}
