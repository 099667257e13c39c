/**
 * Which keys a field needs: an email, a phone number, digits (one-time code), a locker label, or
 * a device token / id for staff at set-up (letters in both cases, digits, - and _), or a short
 * code from a ticket (only the characters short codes use: no 0, 1, I, L or O).
 */
export type KeyboardLayout = 'email' | 'tel' | 'digits' | 'label' | 'token' | 'code';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
const LETTERS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].map((row) => [...row]);

/** Rows of keys per layout; every key types its own text. */
export const LAYOUTS: Record<KeyboardLayout, string[][]> = {
  email: [DIGITS, ...LETTERS, ['@', '.', '-', '_', '+', '.com']],
  tel: [
    ['1', '2', '3'],
    ['4', '5', '6'],
    ['7', '8', '9'],
    ['+', '0'],
  ],
  digits: [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['0']],
  label: [DIGITS, ...LETTERS.map((row) => row.map((k) => k.toUpperCase())), ['-']],
  token: [DIGITS, ...LETTERS, ['-', '_']],
  code: [[...'23456789'], [...'ABCDEFGH'], [...'JKMNPQRS'], [...'TUVWXYZ']],
};

/** Layouts with a Shift key (upper-case letters on demand). */
export const HAS_SHIFT: ReadonlySet<KeyboardLayout> = new Set(['token']);
