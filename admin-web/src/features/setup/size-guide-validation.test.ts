import { describe, expect, it } from 'vitest';
import { validateDimensions } from './size-guide-validation';

describe('validateDimensions', () => {
  it('sends all three as numbers, or nothing (clear) when all are empty', () => {
    expect(validateDimensions({ widthCm: '55', heightCm: ' 40', depthCm: '23' })).toEqual({
      ok: true,
      value: { widthCm: 55, heightCm: 40, depthCm: 23 },
    });
    expect(validateDimensions({ widthCm: '', heightCm: '', depthCm: '' })).toEqual({ ok: true, value: null });
  });
  it('refuses a missing, fractional or out-of-bounds measure beside its field', () => {
    const r = validateDimensions({ widthCm: '55', heightCm: '4', depthCm: '' });
    expect(r).toEqual({
      ok: false,
      errors: { heightCm: 'Whole centimetres, 5 to 300.', depthCm: 'Whole centimetres, 5 to 300.' },
    });
    expect(validateDimensions({ widthCm: '55.5', heightCm: '40', depthCm: '301' }).ok).toBe(false);
  });
});
