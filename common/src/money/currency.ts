/**
 * ISO 4217 minor-unit exponents that are not 2. Every amount in the system is an integer in
 * minor units; the exponent says how many of them make one major unit (JPY 0: 1 yen is 1;
 * EUR 2: 1 euro is 100; KWD 3: 1 dinar is 1000). A table, not the runtime's Intl data: browsers
 * and ICU builds disagree for some currencies (CLDR shows IQD and LAK with 0 digits).
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** A three-letter ISO 4217 code, upper case. */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}

/** How many decimal places the currency's major unit has (ISO 4217; 2 unless listed). */
export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}
