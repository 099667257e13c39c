import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';

describe('formatMoney', () => {
  it('shows minor units with the currency ISO 4217 decimals: the same amount the kiosk and the server show', () => {
    const at = (currency: string) => formatMoney({ amount: 1500, currency }, 'en').replace(/\s/g, ' ');
    expect(at('JPY')).toBe('¥1,500'); // not ¥15
    expect(at('EUR')).toBe('€15.00');
    expect(at('KWD')).toBe('KWD 1.500'); // not 15.000
    expect(formatMoney(null)).toBe('—');
  });
});
