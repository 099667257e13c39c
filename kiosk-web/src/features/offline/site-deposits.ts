import { type CompartmentSize } from '../../api/types';

/**
 * Offline deposits through the site path (lock-gateway README, "Site autonomy"): what the site
 * offers (in GET /site/status) and POST /site/deposit. Only free sizes can be stored offline.
 */

/** A free size the site can hand out offline, with how many are free now. */
export interface SiteDepositSize {
  size: CompartmentSize;
  available: number;
  includedMinutes: number;
}

/** The `deposits` part of the site's status. */
export interface SiteDeposits {
  /** Offline deposits are taken from this time on; null: not taken (not offline, or no replica). */
  openFrom: string | null;
  sizes: SiteDepositSize[];
}

const SIZES = new Set<string>(['SMALL', 'MEDIUM', 'LARGE', 'XLARGE']);

/** Reads `deposits` from the status body; anything malformed is left out, never guessed. */
export function parseDeposits(raw: unknown): SiteDeposits | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { openFrom, sizes } = raw as { openFrom?: unknown; sizes?: unknown };
  const from = typeof openFrom === 'string' && !Number.isNaN(Date.parse(openFrom)) ? openFrom : null;
  const list = Array.isArray(sizes) ? sizes : [];
  return {
    openFrom: from,
    sizes: list.flatMap((entry): SiteDepositSize[] => {
      const { size, available, includedMinutes } = (entry ?? {}) as Record<string, unknown>;
      if (typeof size !== 'string' || !SIZES.has(size)) return [];
      if (typeof available !== 'number' || !Number.isInteger(available) || available < 0) return [];
      if (typeof includedMinutes !== 'number' || includedMinutes < 0) return [];
      return [{ size: size as CompartmentSize, available, includedMinutes }];
    }),
  };
}

/** Why the site refused an offline deposit: the codes of POST /site/deposit, plus UNREACHABLE. */
export type SiteDepositRefusal =
  | 'SERVER_REACHABLE'
  | 'NOT_READY'
  | 'DEPOSITS_NOT_YET'
  | 'SIZE_NOT_FREE'
  | 'NO_COMPARTMENT_AVAILABLE'
  | 'DOOR_FAILED'
  | 'NOT_RECORDED'
  | 'RATE_LIMITED'
  | 'BAD_REQUEST'
  | 'UNREACHABLE';

const REFUSALS = new Set<string>([
  'SERVER_REACHABLE',
  'NOT_READY',
  'DEPOSITS_NOT_YET',
  'SIZE_NOT_FREE',
  'NO_COMPARTMENT_AVAILABLE',
  'DOOR_FAILED',
  'NOT_RECORDED',
  'RATE_LIMITED',
  'BAD_REQUEST',
]);

/** A locker opened for an offline deposit, with the code that opens it again. */
export interface SiteDepositTicket {
  compartmentLabel: string;
  size: CompartmentSize;
  code: string;
  includedMinutes: number;
  dueAt: string | null;
}

export type SiteDepositAnswer =
  { ok: true; ticket: SiteDepositTicket } | { ok: false; refusal: SiteDepositRefusal };

/**
 * Asks the site to open a locker of `size` for a deposit. Never retried by itself: a second
 * request could open a second locker. A lost answer is UNREACHABLE; what the site did is then
 * on the site (the person asks staff), not guessed here.
 */
export async function depositAtSite(
  baseUrl: string,
  size: CompartmentSize,
  language: string,
  timeoutMs = 15_000,
): Promise<SiteDepositAnswer> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/site/deposit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ size, language }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, refusal: 'UNREACHABLE' };
  }
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  const ticket = res.ok ? parseTicket(body) : null;
  if (ticket) return { ok: true, ticket };
  const code = (body?.error as { code?: unknown } | undefined)?.code;
  return {
    ok: false,
    refusal: typeof code === 'string' && REFUSALS.has(code) ? (code as SiteDepositRefusal) : 'NOT_READY',
  };
}

function parseTicket(body: Record<string, unknown> | null): SiteDepositTicket | null {
  if (!body || body.outcome !== 'OPENED') return null;
  const { compartmentLabel, size, code, includedMinutes, dueAt } = body;
  if (typeof compartmentLabel !== 'string' || typeof code !== 'string' || code.length === 0) return null;
  if (typeof size !== 'string' || !SIZES.has(size)) return null;
  return {
    compartmentLabel,
    size: size as CompartmentSize,
    code,
    includedMinutes: typeof includedMinutes === 'number' ? includedMinutes : 0,
    dueAt: typeof dueAt === 'string' && !Number.isNaN(Date.parse(dueAt)) ? dueAt : null,
  };
}

/**
 * The code in groups of four for writing down: "LS1:" stays whole as the prefix, the rest
 * (base32, so no 0/O or 1/I confusion in it) is split, e.g. "LS1: ABCD EFGH …".
 */
export function groupCode(code: string): string {
  const colon = code.indexOf(':');
  const prefix = colon >= 0 ? code.slice(0, colon + 1) : '';
  const rest = code.slice(colon + 1);
  const groups = rest.match(/.{1,4}/g) ?? [];
  return [prefix, ...groups].filter(Boolean).join(' ');
}
