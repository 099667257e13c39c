// Formatting for people: money in major units with its currency, times in a site's zone.

/** "4.00 EUR"-style text for an amount in minor units. */
export function formatMoney(money: { amount: number; currency: string } | null | undefined): string {
  if (!money) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency }).format(money.amount / 100);
  } catch {
    return `${(money.amount / 100).toFixed(2)} ${money.currency}`;
  }
}

/** Date and time in `timeZone` (the site's), e.g. "25/11/2026, 14:05". */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(new Date(iso));
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
