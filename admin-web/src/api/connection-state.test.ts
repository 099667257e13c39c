import { describe, expect, it, vi } from 'vitest';
import { ConnectionStore } from './connection-state';

describe('ConnectionStore', () => {
  it('counts connections so views know when to take a new snapshot', () => {
    const store = new ConnectionStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.connecting();
    expect(store.getSnapshot()).toEqual({ status: 'connecting', epoch: 0 });
    store.connected();
    expect(store.getSnapshot()).toEqual({ status: 'connected', epoch: 1 });
    // A drop: retrying is "reconnecting", never "connecting" again.
    store.closed(true);
    store.connecting();
    expect(store.getSnapshot()).toEqual({ status: 'reconnecting', epoch: 1 });
    store.connected();
    expect(store.getSnapshot()).toEqual({ status: 'connected', epoch: 2 });
    store.closed(false);
    expect(store.getSnapshot().status).toBe('closed');
    // Only real changes notify: connected, reconnecting, connected, closed.
    expect(listener).toHaveBeenCalledTimes(4);
  });
});
