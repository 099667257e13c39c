import { describe, expect, test } from 'vitest';
import {
  currencyExponent,
  formatMoney,
  moneyCsvCell,
  moneyCsvHeader,
  parseMajorUnits,
  toDecimalString,
  toMajorUnits,
} from '../src/index.js';

describe('money in minor units with the ISO 4217 exponent', () => {
  test('exponents: JPY 0, EUR 2, KWD 3, and 2 for a currency not listed', () => {
    expect([
      currencyExponent('JPY'),
      currencyExponent('EUR'),
      currencyExponent('KWD'),
      currencyExponent('usd'),
    ]).toEqual([0, 2, 3, 2]);
  });

  test('the same minor amount is a different major amount per currency, exactly', () => {
    expect(toDecimalString({ amount: 1500, currency: 'JPY' })).toBe('1500');
    expect(toDecimalString({ amount: 1500, currency: 'EUR' })).toBe('15.00');
    expect(toDecimalString({ amount: 1500, currency: 'KWD' })).toBe('1.500');
    expect(toDecimalString({ amount: 5, currency: 'KWD' })).toBe('0.005');
    expect(toDecimalString({ amount: -5, currency: 'EUR' })).toBe('-0.05');
    expect(toMajorUnits({ amount: 1500, currency: 'KWD' })).toBe(1.5);
  });

  test('formatting per locale shows the currency decimals, never a 100x slip', () => {
    expect(formatMoney({ amount: 1500, currency: 'JPY' }, 'en-US')).toBe('¥1,500');
    expect(formatMoney({ amount: 1500, currency: 'EUR' }, 'en-US')).toBe('€15.00');
    expect(formatMoney({ amount: 1500, currency: 'EUR' }, 'de-DE')).toBe('15,00\u00a0€');
    expect(formatMoney({ amount: 1500, currency: 'KWD' }, 'en-US')).toMatch(/^KWD\s1\.500$/);
    expect(formatMoney({ amount: 1500, currency: 'XQQ' }, 'en-US')).toMatch(/15\.00/);
  });

  test('typed major units back to minor units, refusing more decimals than the currency has', () => {
    expect(parseMajorUnits('15', 'JPY')).toBe(15);
    expect(parseMajorUnits('15.5', 'JPY')).toBeNull();
    expect(parseMajorUnits('4,5', 'EUR')).toBe(450);
    expect(parseMajorUnits('4.555', 'EUR')).toBeNull();
    expect(parseMajorUnits('1.25', 'KWD')).toBe(1250);
    expect(parseMajorUnits('-1', 'EUR')).toBeNull();
  });

  test('CSV: one unit, named in the header', () => {
    expect(moneyCsvHeader('revenue')).toBe('revenue_major_units');
    expect(moneyCsvCell({ amount: 1500, currency: 'KWD' })).toBe('1.500');
  });
});
