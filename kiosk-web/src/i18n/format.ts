import { formatMoney as formatSharedMoney } from '@lockers/common';
import { type Translate } from './i18n';

/** Money in minor units, in the kiosk's locale, with the currency's ISO 4217 decimals (the shared rule). */
export function formatMoney(money: { amount: number; currency: string }, locale: string): string {
  return formatSharedMoney(money, locale);
}

/** A clock time in the site's time zone (not the kiosk's), e.g. "18:40". */
export function formatTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** Date and time in the site's time zone, for the phone page and the printed ticket. */
export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** A duration such as "4 h" or "1 h 30 min", using the locale's unit names. */
export function formatMinutes(minutes: number, locale: string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const unit = (value: number, u: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (h && m) return `${unit(h, 'hour')} ${unit(m, 'minute')}`;
  return h ? unit(h, 'hour') : unit(m, 'minute');
}

/** Shows an amount or the word for free. */
export function formatPrice(
  money: { amount: number; currency: string },
  locale: string,
  t: Translate,
): string {
  return money.amount === 0 ? t('start.priceFree') : formatMoney(money, locale);
}
