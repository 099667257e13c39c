import { describe, expect, test } from 'vitest';
import {
  EnvProblemsError,
  EnvReader,
  intSchema,
  listSchema,
  minLengthSchema,
  patternSchema,
} from '../src/env/index.js';

describe('reading the environment', () => {
  test('unset and blank take the default; values are trimmed', () => {
    const env = new EnvReader({ PORT: ' 8080 ', HOST: '   ' });
    expect(env.int('PORT', 4000, 0, 65535)).toBe(8080);
    expect(env.text('HOST')).toBeNull();
    expect(env.int('MISSING', 7, 0, 10)).toBe(7);
    expect(env.problems).toEqual([]);
  });

  test('one problem per bad variable, naming it and quoting what it got', () => {
    const env = new EnvReader({
      PORT: 'eighty',
      RETRIES: '1.5',
      LIMIT: '0',
      SEED_DEMO: 'maybe',
      NODE_ENV: 'staging',
      LOG_LEVEL: 'loud',
    });
    expect(env.int('PORT', 4000, 0, 65535)).toBe(4000);
    expect(env.int('RETRIES', 8, 0, 50)).toBe(8);
    expect(env.int('LIMIT', 10, 1, 100)).toBe(10);
    expect(env.bool('SEED_DEMO', false)).toBe(false);
    expect(env.oneOf('NODE_ENV', ['development', 'production', 'test'], 'development')).toBe('development');
    expect(env.oneOf('LOG_LEVEL', ['info', 'debug'], 'info', 'one of')).toBe('info');
    expect(env.problems).toEqual([
      'PORT must be an integer between 0 and 65535 (got "eighty")',
      'RETRIES must be an integer between 0 and 50 (got "1.5")',
      'LIMIT must be an integer between 1 and 100 (got "0")',
      'SEED_DEMO must be true or false (got "maybe")',
      'NODE_ENV must be development, production or test (got "staging")',
      'LOG_LEVEL must be one of info, debug (got "loud")',
    ]);
  });

  test('booleans: true/false, 1/0, yes/no in any case', () => {
    const env = new EnvReader({ A: 'TRUE', B: '0', C: 'Yes', D: 'no' });
    expect([env.bool('A', false), env.bool('B', true), env.bool('C', false), env.bool('D', true)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  test('URLs: a bad one or a wrong scheme is a problem, and the text (it may hold a password) is not shown', () => {
    const env = new EnvReader({
      DATABASE_URL: 'postgres://u:secret@db:5432/lockers',
      REDIS_URL: 'http://u:secret@cache:6379',
      SMTP_URL: 'not a url',
    });
    expect(env.url('DATABASE_URL', ['postgres:', 'postgresql:'])).toBe('postgres://u:secret@db:5432/lockers');
    expect(env.url('REDIS_URL', ['redis:', 'rediss:'])).toBeNull();
    expect(env.url('SMTP_URL', ['smtp:', 'smtps:'])).toBeNull();
    expect(env.problems).toEqual(['REDIS_URL must use redis: or rediss:', 'SMTP_URL is not a valid URL']);
    expect(env.problems.join()).not.toContain('secret');
  });

  test('NAME_FILE supplies NAME when a file reader is given, for the variables allowed', () => {
    const files: Record<string, string> = { '/run/secrets/token': 'from-a-file\n' };
    const readFile = (path: string): string => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    };
    const env = new EnvReader(
      { TOKEN_FILE: '/run/secrets/token', OTHER_FILE: '/run/secrets/token', KEY_FILE: '/nowhere' },
      { readFile, fileVariables: ['TOKEN', 'KEY'] },
    );
    expect(env.text('TOKEN')).toBe('from-a-file');
    expect(env.text('OTHER')).toBeNull();
    expect(env.text('KEY')).toBeNull();
    expect(env.problems).toEqual(['KEY_FILE: cannot read /nowhere (ENOENT)']);
  });

  test('schemas for lists, lengths and patterns; secrets are never quoted', () => {
    const env = new EnvReader({ UNITS: '1, 2,,3', SECRET: 'short', PREFIX: 'has space' });
    expect(env.read('UNITS', listSchema(patternSchema(/^\d+$/, 'digits')), [])).toEqual(['1', '2', '3']);
    expect(env.read('SECRET', minLengthSchema(32), null, { secret: true })).toBeNull();
    expect(env.read('PREFIX', patternSchema(/^\S+$/, 'without spaces'), 'x')).toBe('x');
    expect(env.problems).toEqual([
      'SECRET must be at least 32 characters',
      'PREFIX must be without spaces (got "has space")',
    ]);
  });

  test('the error lists every problem, one per line', () => {
    const error = new EnvProblemsError('Invalid configuration', ['A is bad', 'B is bad']);
    expect(error.message).toBe('Invalid configuration:\n  - A is bad\n  - B is bad');
    expect(error.problems).toEqual(['A is bad', 'B is bad']);
  });
});

test('a variable from a file is read once, its problem recorded once', () => {
  let reads = 0;
  const env = new EnvReader(
    { KEY_FILE: '/nowhere' },
    {
      readFile: () => {
        reads++;
        throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      },
    },
  );
  expect(env.text('KEY')).toBeNull();
  expect(env.read('KEY', minLengthSchema(3), null)).toBeNull();
  expect(reads).toBe(1);
  expect(env.problems).toEqual(['KEY_FILE: cannot read /nowhere (ENOENT)']);
});

test('a read can say what a good value is instead of the schema', () => {
  const env = new EnvReader({ SIM_UNITS: '1,300' });
  expect(
    env.read('SIM_UNITS', listSchema(intSchema(0, 255)), [1], { message: 'must list unit ids 0..255' }),
  ).toEqual([1]);
  expect(env.problems).toEqual(['SIM_UNITS must list unit ids 0..255 (got "1,300")']);
});
