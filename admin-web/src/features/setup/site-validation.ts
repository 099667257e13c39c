// Site name, time zone and timing settings. Pure, tested in site-validation.test.ts.

/** Every IANA zone the browser knows (the server validates too). */
export function knownTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
}

/** True if `tz` is a time zone the browser can format in. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

export const SITE_TIMINGS = [
  ['codeLifetimeMinutes', 'Unused code lifetime (minutes)'],
  ['depositWindowSeconds', 'Deposit window (seconds)'],
  ['leftOpenSeconds', 'Door left open after (seconds)'],
  ['unlockAckTimeoutSeconds', 'Unlock acknowledgement timeout (seconds)'],
  ['gatewayHeartbeatSeconds', 'Gateway heartbeat window (seconds)'],
  ['pulseMs', 'Lock pulse (milliseconds)'],
  ['abandonAfterDays', 'Abandoned after overdue (days)'],
] as const;

export type TimingField = (typeof SITE_TIMINGS)[number][0];
export type SiteDraft = { name: string; timezone: string; slug: string } & Record<TimingField, string>;
export type SiteField = keyof SiteDraft;

/** Either errors by field, or the values to send. */
export type SiteResult =
  | {
      ok: true;
      value: { name: string; timezone: string; slug?: string } & Partial<Record<TimingField, number>>;
    }
  | { ok: false; errors: Partial<Record<SiteField, string>> };

/** The phone page's short address: 3 to 40 of a-z, 0-9 and single hyphens (the server checks it too). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Validates a site draft; timing fields (and the address) left empty are not sent. */
export function validateSite(d: Partial<SiteDraft> & { name: string; timezone: string }): SiteResult {
  const errors: Partial<Record<SiteField, string>> = {};
  const name = d.name.trim();
  if (!name) errors.name = 'Give the site a name.';
  else if (name.length > 100) errors.name = 'At most 100 characters.';
  if (!isTimeZone(d.timezone)) errors.timezone = 'Choose an IANA time zone, e.g. Europe/Berlin.';
  const slug = d.slug?.trim().toLowerCase();
  if (slug && (slug.length < 3 || slug.length > 40 || !SLUG_PATTERN.test(slug)))
    errors.slug = '3 to 40 of a-z, 0-9 and single hyphens between words, e.g. central-station.';
  const timings: Partial<Record<TimingField, number>> = {};
  for (const [field] of SITE_TIMINGS) {
    const raw = d[field]?.trim();
    if (!raw) continue;
    if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1) errors[field] = 'A whole number, at least 1.';
    else timings[field] = Number(raw);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, timezone: d.timezone, ...(slug ? { slug } : {}), ...timings } };
}
