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
