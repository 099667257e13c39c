import { describe, expect, it } from 'vitest';
import { toMinorUnits, validateTariff, type TariffDraft } from './tariff-validation';

const good: TariffDraft = {
  size: 'MEDIUM',
  price: '4.00',
  currency: 'eur',
  includedMinutes: '240',
  overduePerHour: '2',
  graceMinutes: '15',
  securityAlertAfterMinutes: '120',
};

describe('tariff validation', () => {
  it('converts major units to minor units', () => {
    expect(toMinorUnits('4')).toBe(400);
    expect(toMinorUnits('4.5')).toBe(450);
    expect(toMinorUnits('4,05')).toBe(405);
    expect(toMinorUnits('0')).toBe(0);
    expect(toMinorUnits('-1')).toBeNull();
    expect(toMinorUnits('1.234')).toBeNull();
  });

  it('uses the currency decimals: JPY has none, KWD three', () => {
    expect(toMinorUnits('500', 'JPY')).toBe(500);
    expect(toMinorUnits('5.5', 'JPY')).toBeNull();
    expect(toMinorUnits('1.234', 'KWD')).toBe(1234);
    expect(validateTariff({ ...good, price: '1500', currency: 'jpy', overduePerHour: '300' })).toMatchObject({
      ok: true,
      value: { price: 1500, currency: 'JPY', overduePerHour: 300 },
    });
  });

  it('produces the setTariff variables', () => {
    expect(validateTariff(good)).toEqual({
      ok: true,
      value: {
        size: 'MEDIUM',
        price: 400,
        currency: 'EUR',
        includedMinutes: 240,
        overduePerHour: 200,
        graceMinutes: 15,
        securityAlertAfterMinutes: 120,
      },
    });
  });

  it('names every invalid field', () => {
    const r = validateTariff({
      ...good,
      price: 'free',
      currency: 'EURO',
      includedMinutes: '0',
      overduePerHour: '',
      graceMinutes: '-5',
      securityAlertAfterMinutes: '1.5',
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(Object.keys(r.errors).sort()).toEqual([
        'currency',
        'graceMinutes',
        'includedMinutes',
        'overduePerHour',
        'price',
        'securityAlertAfterMinutes',
      ]);
  });
});
