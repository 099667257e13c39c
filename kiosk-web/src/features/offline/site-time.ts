/**
 * Times on the offline screens. The site's time zone comes from the server, which is out of
 * reach here, so they are in the kiosk's own clock zone (the kiosk stands at the site).
 */

/** A clock time such as "18:40". */
export function formatLocalTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** A date and time for the ticket. */
export function formatLocalDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** What is left of a wait, as "m:ss" (or "h:mm:ss" past an hour), rounded up to the second. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
