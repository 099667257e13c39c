import { useSyncExternalStore } from 'react';
import { useInactivity } from './use-inactivity';

/**
 * A new release of the kiosk app, installed by the service worker and waiting to take over.
 * The kiosk applies it by itself, but only at rest (start screen, default language, nobody
 * touching it for a while), so nobody's visit is cut short by a reload.
 */
let pending: (() => Promise<void>) | null = null;
const listeners = new Set<() => void>();

/** Called by the service worker registration when a new release is installed and waiting. */
export function offerUpdate(apply: () => Promise<void>): void {
  setPending(apply);
}

function setPending(next: (() => Promise<void>) | null): void {
  pending = next;
  for (const l of listeners) l();
}

function useUpdatePending(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pending !== null,
    () => false,
  );
}

/** How long the kiosk must stay untouched at rest before a waiting release takes over. */
export const UPDATE_QUIET_MS = 30_000;

/** Applies a waiting release once the kiosk has been at rest and untouched for `quietMs`. */
export function useUpdateWhenAtRest(atRest: boolean, quietMs: number = UPDATE_QUIET_MS): void {
  const waiting = useUpdatePending();
  useInactivity(quietMs, atRest && waiting, () => {
    const apply = pending;
    setPending(null);
    void apply?.();
  });
}
