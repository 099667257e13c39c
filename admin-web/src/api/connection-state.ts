// The live link's state, as a tiny external store (read with useSyncExternalStore).
// `epoch` grows on every successful (re)connect: views that mirror server state take a
// fresh snapshot when it changes, because events sent while we were away are lost.

/** Where the WebSocket link stands. */
export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** What the UI reads: the status and how many times we have connected. */
export interface ConnectionState {
  status: LinkStatus;
  epoch: number;
}

type Listener = () => void;

/** A store that the WebSocket client's lifecycle callbacks write to. */
export class ConnectionStore {
  private state: ConnectionState = { status: 'connecting', epoch: 0 };
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionState => this.state;

  connecting(): void {
    this.set({ ...this.state, status: this.state.epoch === 0 ? 'connecting' : 'reconnecting' });
  }

  connected(): void {
    this.set({ status: 'connected', epoch: this.state.epoch + 1 });
  }

  closed(willRetry: boolean): void {
    this.set({ ...this.state, status: willRetry ? 'reconnecting' : 'closed' });
  }

  private set(next: ConnectionState): void {
    if (next.status === this.state.status && next.epoch === this.state.epoch) return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}
