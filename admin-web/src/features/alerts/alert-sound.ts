// Whether the alert beep is muted, remembered in localStorage (per browser, across sign-ins:
// a control-room PC that should stay quiet stays quiet). The visual cue is never muted.
import { useSyncExternalStore } from 'react';

const KEY = 'lockers.admin.alertSoundMuted';
const listeners = new Set<() => void>();

/** True when the operator muted the alert sound. */
export function isAlertSoundMuted(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Mutes or unmutes the alert sound and remembers it. */
export function setAlertSoundMuted(muted: boolean): void {
  try {
    if (muted) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the switch still works for this page.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab flipping the switch.
  const onStorage = (e: StorageEvent) => e.key === KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The muted state, re-rendering when it changes (here or in another tab). */
export function useAlertSoundMuted(): boolean {
  return useSyncExternalStore(subscribe, isAlertSoundMuted);
}
