import { describe, expect, it } from 'vitest';
import { validateHelp } from './site-help-validation';

describe('validateHelp', () => {
  it('takes a phone as people write it and hours in words; both may be empty', () => {
    expect(validateHelp({ phone: ' +49 30 1234567 ', hours: 'Daily 06:00-22:00' })).toEqual({
      ok: true,
      value: { phone: '+49 30 1234567', hours: 'Daily 06:00-22:00' },
    });
    expect(validateHelp({ phone: '', hours: '' }).ok).toBe(true);
  });
  it('refuses what cannot be dialled and hours too long to show', () => {
    expect(validateHelp({ phone: 'ring the bell', hours: 'x'.repeat(121) })).toEqual({
      ok: false,
      errors: { phone: 'Enter a phone number such as +49 30 1234567.', hours: 'At most 120 characters.' },
    });
  });
});
