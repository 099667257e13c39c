/** Which keys a field needs: an email, a phone number, digits (one-time code) or a locker label. */
export type KeyboardLayout = 'email' | 'tel' | 'digits' | 'label';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
const LETTERS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].map((row) => [...row]);

/** Rows of keys per layout; every key types its own text. */
export const LAYOUTS: Record<KeyboardLayout, string[][]> = {
  email: [DIGITS, ...LETTERS, ['@', '.', '-', '_', '+', '.com']],
  tel: [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['+', '0']],
  digits: [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['0']],
  label: [DIGITS, ...LETTERS.map((row) => row.map((k) => k.toUpperCase())), ['-']],
};
