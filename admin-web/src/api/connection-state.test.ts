import { describe, expect, it, vi } from 'vitest';
import { ConnectionStore } from './connection-state';

describe('ConnectionStore', () => {
  it('counts connections so views know when to take a new snapshot', () => {
    const store = new ConnectionStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.connecting();
    expect(store.getSnapshot()).toMatchObject({ status: 'connecting', epoch: 0 });
    store.connected();
    expect(store.getSnapshot()).toMatchObject({ status: 'connected', epoch: 1 });
    // A drop: retrying is "reconnecting", never "connecting" again.
    store.closed(true);
    store.connecting();
    expect(store.getSnapshot()).toMatchObject({ status: 'reconnecting', epoch: 1 });
    store.connected();
    expect(store.getSnapshot()).toMatchObject({ status: 'connected', epoch: 2 });
    store.closed(false);
    expect(store.getSnapshot().status).toBe('closed');
    // Only real changes notify: connected, reconnecting, connected, closed.
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('shows the retries: the attempt and when the next try starts, cleared once connected', () => {
    const store = new ConnectionStore();
    store.connected();
    store.closed(true);
    store.waiting(1, 500, 1_000);
    expect(store.getSnapshot()).toMatchObject({ status: 'reconnecting', attempt: 1, nextRetryAt: 1_500 });
    store.connecting();
    store.waiting(2, 1_000, 2_000);
    expect(store.getSnapshot()).toMatchObject({ status: 'reconnecting', attempt: 2, nextRetryAt: 3_000 });
    store.connected();
    expect(store.getSnapshot()).toEqual({ status: 'connected', epoch: 2, attempt: 0, nextRetryAt: null });
  });
});
