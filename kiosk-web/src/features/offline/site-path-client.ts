/** The site path's HTTP API (lock-gateway README, "Site autonomy"), as the kiosk calls it. */
import { parseDeposits, type SiteDeposits } from './site-deposits';

/** Why the site refused a scan: the codes of the site path's API. */
export type SiteRefusal =
  | 'BAD_REQUEST'
  | 'INVALID_CODE'
  | 'UNKNOWN_CODE'
  | 'ALREADY_OPENED'
  | 'PAYMENT_REQUIRED'
  | 'OVERDUE'
  | 'SERVER_REACHABLE'
  | 'NOT_READY'
  | 'DOOR_FAILED'
  | 'NOT_RECORDED'
  | 'RATE_LIMITED'
  | 'UNREACHABLE';

/** What the site path answered to a scan. */
export type SiteScanAnswer = { ok: true; compartmentLabel: string } | { ok: false; refusal: SiteRefusal };

const KNOWN = new Set<SiteRefusal>([
  'BAD_REQUEST',
  'INVALID_CODE',
  'UNKNOWN_CODE',
  'ALREADY_OPENED',
  'PAYMENT_REQUIRED',
  'OVERDUE',
  'SERVER_REACHABLE',
  'NOT_READY',
  'DOOR_FAILED',
  'NOT_RECORDED',
  'RATE_LIMITED',
]);

/** Sends a scanned code to the site path. */
export async function scanAtSite(baseUrl: string, code: string, timeoutMs = 5000): Promise<SiteScanAnswer> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/site/scan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, refusal: 'UNREACHABLE' };
  }
  const body = (await res.json().catch(() => null)) as {
    compartmentLabel?: unknown;
    error?: { code?: unknown };
  } | null;
  if (res.ok && typeof body?.compartmentLabel === 'string')
    return { ok: true, compartmentLabel: body.compartmentLabel };
  const code2 = body?.error?.code;
  return {
    ok: false,
    refusal:
      typeof code2 === 'string' && KNOWN.has(code2 as SiteRefusal) ? (code2 as SiteRefusal) : 'NOT_READY',
  };
}

/** The site path's state: whether its gateway reaches the server, events waiting to sync, deposits. */
export interface SiteStatus {
  online: boolean;
  pendingEvents: number;
  /** What can be stored offline; null when the site says nothing about deposits. */
  deposits: SiteDeposits | null;
}

/** Reads the site path's status; null when it cannot be reached either. */
export async function siteStatus(baseUrl: string, timeoutMs = 3000): Promise<SiteStatus | null> {
  try {
    const res = await fetch(`${baseUrl}/site/status`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return null;
    const body = (await res.json()) as Partial<Record<keyof SiteStatus, unknown>>;
    return {
      online: body.online === true,
      pendingEvents: Number(body.pendingEvents ?? 0),
      deposits: parseDeposits(body.deposits),
    };
  } catch {
    return null;
  }
}
