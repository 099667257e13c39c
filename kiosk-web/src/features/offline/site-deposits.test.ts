import { describe, expect, it } from 'vitest';
import { groupCode, parseDeposits } from './site-deposits';
import { formatCountdown } from './site-time';

describe('offline deposits: reading the site', () => {
  it('keeps only well-formed sizes and a valid opening time', () => {
    expect(
      parseDeposits({
        openFrom: 'not a time',
        sizes: [
          { size: 'SMALL', available: 2, includedMinutes: 240 },
          { size: 'HUGE', available: 2, includedMinutes: 240 },
          { size: 'LARGE', available: -1, includedMinutes: 240 },
          { size: 'MEDIUM', available: '3', includedMinutes: 240 },
          null,
        ],
      }),
    ).toEqual({ openFrom: null, sizes: [{ size: 'SMALL', available: 2, includedMinutes: 240 }] });
    expect(parseDeposits(undefined)).toBeNull();
  });

  it('groups a code by four after its prefix, for writing down', () => {
    expect(groupCode('LS1:ABCDEFGHJKLMNPQRSTUVWXYZ23456789')).toBe(
      'LS1: ABCD EFGH JKLM NPQR STUV WXYZ 2345 6789',
    );
    expect(groupCode('ABCDEF')).toBe('ABCD EF');
  });

  it('counts down in minutes and seconds, hours when long', () => {
    expect(formatCountdown(119_001)).toBe('2:00');
    expect(formatCountdown(59_000)).toBe('0:59');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});
