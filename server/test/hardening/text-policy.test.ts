import { describe, expect, test } from 'vitest';
import { checkAnyText, checkText, MAX_VISIBLE } from '../../src/security/text-policy.js';

/** What a check answers: the text it keeps, or the message it refuses with. */
function answer(check: typeof checkText, value: string, secret: boolean): string {
  try {
    return `ok:${check(value, 'name', { secret })}`;
  } catch (e) {
    return `refused:${(e as Error).message}`;
  }
}

// a small deterministic generator, so a failure names a case that can be run again
function* texts(seed: number, count: number): Generator<string> {
  const alphabet = [
    'a',
    'Z',
    '0',
    '-',
    '_',
    '~',
    ' ',
    '\t',
    '\n',
    '\r',
    '\u007f',
    '\u0000',
    '\u001b',
    'é',
    '\u200b',
  ];
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < count; i++) {
    const length = Math.floor(next() * 12);
    let text = '';
    for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
    yield text;
  }
}

describe('text policy: the printable-ASCII path answers as the general path does', () => {
  const edges = [
    '',
    ' ',
    '   \t\n\r ',
    'a',
    ' a ',
    '2b6f0a0e-3c1d-4f6e-9a51-0d7b1c2e3f40',
    'x'.repeat(MAX_VISIBLE),
    'x'.repeat(MAX_VISIBLE + 1),
    ' '.repeat(MAX_VISIBLE + 1),
    'line one\nline two',
    'tab\u000bvertical',
    'form\u000cfeed',
    'del\u007f',
    'café',
  ];

  test.each([false, true])('edge cases (secret: %s)', (secret) => {
    for (const value of edges)
      expect(answer(checkText, value, secret), JSON.stringify(value)).toBe(
        answer(checkAnyText, value, secret),
      );
  });

  test('5,000 generated texts, plain and secret', () => {
    for (const value of texts(7, 5000))
      for (const secret of [false, true])
        expect(answer(checkText, value, secret), JSON.stringify(value)).toBe(
          answer(checkAnyText, value, secret),
        );
  });

  test('what a caller sees: blank and over-long text refused, plain text kept as sent', () => {
    expect(answer(checkText, '  ', false)).toBe('refused:name must contain visible characters');
    expect(answer(checkText, 'y'.repeat(MAX_VISIBLE + 1), false)).toBe(
      `refused:name must be at most ${MAX_VISIBLE} characters`,
    );
    expect(answer(checkText, 'Gare du Nord', false)).toBe('ok:Gare du Nord');
    expect(answer(checkText, 'a\u0000b', false)).toBe('refused:name must not contain control characters');
  });
});
