import { useCallback, useEffect, useState } from 'react';
import { siteStatus, type SiteStatus } from './site-path-client';
import { sitePathUrl } from './site-path-config';

/** How often the kiosk re-reads the site's status while it cannot reach the server. */
export const SITE_STATUS_POLL_MS = 10_000;

/**
 * The site path's status, read while `active` (the server unreachable) and every
 * `intervalMs`; `refresh` reads it again now (after a deposit, or when storing opens).
 * `checked` is false until the first answer (or its failure) since turning active.
 */
export function useSiteStatus(
  active: boolean,
  intervalMs: number = SITE_STATUS_POLL_MS,
): { status: SiteStatus | null; checked: boolean; refresh: () => void } {
  const base = active ? sitePathUrl() : null;
  const [state, setState] = useState<{ status: SiteStatus | null; checked: boolean }>({
    status: null,
    checked: false,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!base) return;
    let alive = true;
    const poll = () =>
      void siteStatus(base).then((status) => {
        if (alive) setState({ status, checked: true });
      });
    poll();
    const timer = setInterval(poll, intervalMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [base, intervalMs, round]);
  const refresh = useCallback(() => setRound((r) => r + 1), []);
  return base ? { ...state, refresh } : { status: null, checked: false, refresh };
}

/**
 * Whether the kiosk stores through the site path now: the server is unreachable from here, the
 * site answers, its own gateway is cut off too and it speaks about deposits. A kiosk offline on
 * its own (the gateway still online) keeps the usual flow.
 */
export function storesAtSite(online: boolean, status: SiteStatus | null): boolean {
  return !online && status !== null && !status.online && status.deposits !== null;
}
