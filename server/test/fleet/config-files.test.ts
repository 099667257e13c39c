import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('settings read from files (secrets mounted by Docker or Kubernetes)', () => {
  test('NAME_FILE supplies NAME; a missing file is a configuration problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockers-secrets-'));
    writeFileSync(join(dir, 'auth_secret'), 'a-secret-from-a-file-0123456789abcdef\n');
    writeFileSync(join(dir, 'metrics_token'), 'metrics-token-0123456789');
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_SECRET_FILE: join(dir, 'auth_secret'),
      METRICS_TOKEN_FILE: join(dir, 'metrics_token'),
      MIGRATE_ON_START: 'false',
      REDIS_PREFIX: 'site-a:',
    });
    expect(config.authSecret).toBe('a-secret-from-a-file-0123456789abcdef');
    expect(config.metricsToken).toBe('metrics-token-0123456789');
    expect(config.migrateOnStart).toBe(false);
    expect(config.redisPrefix).toBe('site-a:');
    expect(config.drainGraceMs).toBe(5000); // production: the balancer gets time to notice
    expect(() => loadConfig({ AUTH_SECRET_FILE: join(dir, 'missing') })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_PREFIX: 'has space' })).toThrow(/REDIS_PREFIX/);
  });
});

describe('a bad configuration', () => {
  test('stops the start with one line per problem, each naming its variable; URLs are never quoted', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://user:hunter2@db/lockers',
        SEED_DEMO: 'maybe',
        NODE_ENV: 'staging',
        AUTH_SECRET: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be an integer between 0 and 65535 (got "eighty")',
        'DATABASE_URL must use postgres: or postgresql:',
        'SEED_DEMO must be true or false (got "maybe")',
        'NODE_ENV must be development, production or test (got "staging")',
        'AUTH_SECRET must be at least 32 characters',
      ]),
    );
    expect(problems).toHaveLength(5);
    expect(message).toMatch(/^Invalid configuration:\n {2}- /);
    expect(message).not.toContain('hunter2');
  });
});
