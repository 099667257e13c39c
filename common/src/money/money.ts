import { currencyExponent } from './currency.js';

/** An amount: an integer in the currency's minor units, as the API sends it. */
export interface Money {
  amount: number;
  currency: string;
}

/**
 * The amount in major units as an exact decimal string with the currency's exponent:
 * 1234 EUR -> "12.34", 1234 JPY -> "1234", 1234 KWD -> "1.234", -5 EUR -> "-0.05".
 * For exports and anything a program reads back (no float rounding, no grouping).
 */
export function toDecimalString(money: Money): string {
  const exp = currencyExponent(money.currency);
  const sign = money.amount < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(money.amount)));
  if (exp === 0) return sign + digits;
  const padded = digits.padStart(exp + 1, '0');
  return `${sign}${padded.slice(0, -exp)}.${padded.slice(-exp)}`;
}

/** The amount in major units as a number (for charts and sums a person reads). */
export function toMajorUnits(money: Money): number {
  return money.amount / 10 ** currencyExponent(money.currency);
}

/**
 * Typed major units to minor units with the currency's exponent: "4.5" EUR -> 450, "500" JPY
 * -> 500, "1.250" KWD -> 1250. Null when not a non-negative amount with at most that many
 * decimals (a comma is taken as the decimal mark too).
 */
export function parseMajorUnits(text: string, currency: string): number | null {
  const exp = currencyExponent(currency);
  const m = /^(\d{1,9})(?:[.,](\d+))?$/.exec(text.trim());
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > exp) return null;
  return Number(m[1]) * 10 ** exp + Number(fraction.padEnd(exp, '0') || '0');
}

/** Minor units to what a person types back into a form ("4.50", "500", "1.250"). */
export function toInputText(amount: number, currency: string): string {
  return toDecimalString({ amount, currency });
}

/** An amount already in major units (a chart axis value) for people: 1500 JPY -> "¥1,500". */
export function formatMajorUnits(value: number, currency: string, locale?: string | string[]): string {
  return formatMoney({ amount: Math.round(value * 10 ** currencyExponent(currency)), currency }, locale);
}

/**
 * The amount for people, per locale (Intl), with exactly the currency's ISO 4217 decimals:
 * formatMoney({ amount: 1234, currency: 'EUR' }, 'de-DE') -> "12,34 €"; JPY 1234 -> "￥1,234".
 * An unknown currency code falls back to "12.34 XYZ".
 */
export function formatMoney(money: Money, locale?: string | string[]): string {
  const exp = currencyExponent(money.currency);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: exp,
      maximumFractionDigits: exp,
    }).format(toMajorUnits(money));
  } catch {
    return `${toDecimalString(money)} ${money.currency}`;
  }
}
