import { describe, expect, it } from 'vitest';
import { formatMinutes, formatMoney, formatTime } from './format';

describe('formatting', () => {
  it('shows minor units as money in the locale', () => {
    expect(formatMoney({ amount: 400, currency: 'EUR' }, 'de-DE')).toBe('4,00\u00a0€');
    expect(formatMoney({ amount: 400, currency: 'JPY' }, 'en-GB')).toBe('JP¥400');
  });
  it('shows JPY, EUR and KWD with their ISO 4217 decimals, as the admin app and the server do', () => {
    const at = (currency: string) => formatMoney({ amount: 1500, currency }, 'en').replace(/\s/g, ' ');
    expect([at('JPY'), at('EUR'), at('KWD')]).toEqual(['¥1,500', '€15.00', 'KWD 1.500']);
  });
  it('shows clock times in the site time zone, not the kiosk one', () => {
    expect(formatTime('2026-11-25T17:40:00.000Z', 'Europe/Berlin', 'en-GB')).toBe('18:40');
    expect(formatTime('2026-07-25T17:40:00.000Z', 'Europe/Berlin', 'en-GB')).toBe('19:40');
  });
  it('shows durations in hours and minutes', () => {
    expect(formatMinutes(240, 'en-GB')).toBe('4 hrs');
    expect(formatMinutes(90, 'en-GB')).toBe('1 hr 30 mins');
  });
});
