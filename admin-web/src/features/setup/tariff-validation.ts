// The tariff form: money typed in major units ("4.00"), sent in minor units (400).
// Pure, tested in tariff-validation.test.ts.
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

/** "4.5" -> 450; null when not a non-negative amount with at most 2 decimals. */
export function toMinorUnits(text: string): number | null {
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 450 -> "4.50". */
export function fromMinorUnits(amount: number): string {
  return (amount / 100).toFixed(2);
}

function minutes(text: string, min: number): number | null {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t)) return null;
  const n = Number(t);
  return n >= min ? n : null;
}

/** Validates a tariff draft. */
export function validateTariff(d: TariffDraft): TariffResult {
  const errors: Partial<Record<TariffField, string>> = {};
  const price = toMinorUnits(d.price);
  if (price === null) errors.price = 'An amount like 4.00 (0 for free).';
  const currency = d.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'A three-letter ISO 4217 code, e.g. EUR.';
  const includedMinutes = minutes(d.includedMinutes, 1);
  if (includedMinutes === null) errors.includedMinutes = 'Whole minutes, at least 1.';
  const overduePerHour = toMinorUnits(d.overduePerHour);
  if (overduePerHour === null) errors.overduePerHour = 'An amount like 2.00 (0 for no fee).';
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
    value: { size: d.size, price, currency, includedMinutes, overduePerHour, graceMinutes, securityAlertAfterMinutes: security },
  };
}
