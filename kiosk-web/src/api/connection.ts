import { useSyncExternalStore } from 'react';

/**
 * Whether the kiosk can talk to the server right now: browser online flag plus the state of the
 * WebSocket and of the last HTTP request. Tiny external store so any screen can show the banner.
 */
let online = typeof navigator === 'undefined' ? true : navigator.onLine;
const listeners = new Set<() => void>();

/** Records a change of connectivity (called by the links and the browser events). */
export function setOnline(next: boolean): void {
  if (next === online) return;
  online = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const up = () => setOnline(true);
  const down = () => setOnline(false);
  window.addEventListener('online', up);
  window.addEventListener('offline', down);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', up);
    window.removeEventListener('offline', down);
  };
}

/** True while the server is reachable. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => online,
    () => true,
  );
}
