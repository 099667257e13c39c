// Hash routes (#/board, #/sessions/<id>): the server serves /admin/ as static files, so
// hash routing works on a reload without a server-side fallback.
import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function currentHash(): string {
  return window.location.hash;
}

/** The route as path segments: "#/sessions/42" -> ["sessions", "42"]. */
export function useRoute(): string[] {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

/** The href for a route. */
export function href(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

/** Goes to a route. */
export function navigate(...segments: string[]): void {
  window.location.hash = href(...segments);
}
