// Formatting for people: money in major units with its currency, times in a site's zone.
import { formatMoney as formatSharedMoney } from '@lockers/common';

/** An amount in minor units for people, in the browser's locale, with the currency's ISO 4217 decimals. */
export function formatMoney(
  money: { amount: number; currency: string } | null | undefined,
  locale?: string,
): string {
  if (!money) return '—';
  return formatSharedMoney(money, locale);
}

/** Date and time in `timeZone` (the site's), e.g. "25/11/2026, 14:05". */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** Date and time to the second in `timeZone`, for trails (timelines, histories). */
export function formatDateTimeSeconds(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium', timeZone }).format(
    new Date(iso),
  );
}

/** To the second in `timeZone` with the zone's name, e.g. "05/12/2026, 14:05:09 CET", for audit and alert trails. */
export function formatZonedSeconds(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** Time of day with seconds in `timeZone`, for event streams. */
export function formatTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'medium', timeZone }).format(new Date(iso));
}

/** "SMALL" -> "Small", "DOOR_FORCED" -> "Door forced". */
export function humanize(value: string): string {
  if (value === 'XLARGE') return 'X-large';
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
