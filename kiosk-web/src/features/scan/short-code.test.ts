import { describe, expect, it } from 'vitest';
import { isShortCode, readShortCode } from './short-code';

describe('readShortCode', () => {
  it('takes 8 characters of the alphabet however they are typed', () => {
    expect(readShortCode('abcd efgh')).toBe('ABCD-EFGH');
    expect(readShortCode('ABCD-EFGH')).toBe('ABCD-EFGH');
    expect(readShortCode('K7M2P9QR')).toBe('K7M2-P9QR');
  });

  it('refuses too short, too long and characters that short codes never use', () => {
    expect(readShortCode('ABCD-EFG')).toBeNull();
    expect(readShortCode('ABCD-EFGHJ')).toBeNull();
    expect(readShortCode('ABCD-EFG0')).toBeNull();
    expect(readShortCode('ABCD-EFGI')).toBeNull();
    expect(isShortCode('LK1:ABCDEFGHJKMNPQRSTUVWXYZ234567AB')).toBe(false);
  });
});
