import { useSyncExternalStore } from 'react';
import { errorCode } from '../../api/errors';
import type { ScanIntent } from '../../api/types';
import { scanAtSite, type SiteScanAnswer } from './site-path-client';
import { sitePathUrl } from './site-path-config';

/**
 * The kiosk's fallback when the server cannot be reached: a collection scan goes to the site
 * path instead, and its answer is shown by `SiteFallbackPanel`. A tiny external store, so the
 * scan hook hands the answer over without a new screen state in the kiosk flow.
 */
let answer: SiteScanAnswer | null = null;
const listeners = new Set<() => void>();

function publish(next: SiteScanAnswer | null): void {
  answer = next;
  for (const l of listeners) l();
}

/** Dismisses the site's answer (the person tapped "done", or the kiosk reset). */
export function clearSiteAnswer(): void {
  publish(null);
}

/** The site's last answer to a scan, while shown. */
export function useSiteAnswer(): SiteScanAnswer | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => answer,
    () => null,
  );
}

/**
 * Called with the error of a server scan: when the server could not be reached and a site path
 * is configured, a collection is sent there and true returned (its answer is on screen);
 * otherwise false and the caller shows the error as before. ACCESS openings need the server.
 */
export async function scanAtSiteInstead(
  payload: string,
  intent: ScanIntent,
  error: unknown,
): Promise<boolean> {
  const base = sitePathUrl();
  if (!base || intent !== 'RETRIEVE' || errorCode(error) !== 'NETWORK') return false;
  const result = await scanAtSite(base, payload);
  if (!result.ok && result.refusal === 'UNREACHABLE') return false;
  publish(result);
  return true;
}
