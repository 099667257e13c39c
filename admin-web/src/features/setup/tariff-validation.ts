// The tariff form: money typed in major units of the tariff's currency ("4.00" EUR, "500" JPY,
// "1.250" KWD), sent in minor units (400, 500, 1250). Pure, tested in tariff-validation.test.ts.
import { currencyExponent, isCurrencyCode, parseMajorUnits, toInputText } from '@lockers/common';
import type { CompartmentSize, SetTariffMutationVariables } from '../../api/generated/graphql';

/** The tariff form as typed. */
export interface TariffDraft {
  size: CompartmentSize;
  price: string;
  currency: string;
  includedMinutes: string;
  overduePerHour: string;
  graceMinutes: string;
  securityAlertAfterMinutes: string;
}

export type TariffField = keyof TariffDraft;

/** Either errors by field, or the mutation variables (without siteId). */
export type TariffResult =
  | { ok: true; value: Omit<SetTariffMutationVariables, 'siteId'> }
  | { ok: false; errors: Partial<Record<TariffField, string>> };

/** "4.5" EUR -> 450, "500" JPY -> 500; null when not a non-negative amount with at most the currency's decimals. */
export function toMinorUnits(text: string, currency = 'EUR'): number | null {
  return parseMajorUnits(text, currency);
}

/** 450 EUR -> "4.50", 500 JPY -> "500": what the form shows for a stored amount. */
export function fromMinorUnits(amount: number, currency = 'EUR'): string {
  return toInputText(amount, currency);
}

/** "An amount like 4.00" in the currency's own decimals. */
const example = (major: number, currency: string) =>
  toInputText(major * 10 ** currencyExponent(currency), currency);

function minutes(text: string, min: number): number | null {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t)) return null;
  const n = Number(t);
  return n >= min ? n : null;
}

/** Validates a tariff draft. */
export function validateTariff(d: TariffDraft): TariffResult {
  const errors: Partial<Record<TariffField, string>> = {};
  const currency = d.currency.trim().toUpperCase();
  if (!isCurrencyCode(currency)) errors.currency = 'A three-letter ISO 4217 code, e.g. EUR.';
  const price = toMinorUnits(d.price, currency);
  if (price === null) errors.price = `An amount like ${example(4, currency)} (0 for free).`;
  const includedMinutes = minutes(d.includedMinutes, 1);
  if (includedMinutes === null) errors.includedMinutes = 'Whole minutes, at least 1.';
  const overduePerHour = toMinorUnits(d.overduePerHour, currency);
  if (overduePerHour === null)
    errors.overduePerHour = `An amount like ${example(2, currency)} (0 for no fee).`;
  const graceMinutes = minutes(d.graceMinutes, 0);
  if (graceMinutes === null) errors.graceMinutes = 'Whole minutes, 0 or more.';
  const security = minutes(d.securityAlertAfterMinutes, 1);
  if (security === null) errors.securityAlertAfterMinutes = 'Whole minutes, at least 1.';
  if (
    price === null ||
    includedMinutes === null ||
    overduePerHour === null ||
    graceMinutes === null ||
    security === null ||
    Object.keys(errors).length > 0
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      size: d.size,
      price,
      currency,
      includedMinutes,
      overduePerHour,
      graceMinutes,
      securityAlertAfterMinutes: security,
    },
  };
}
