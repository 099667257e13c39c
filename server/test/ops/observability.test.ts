import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, ADMIN, type TestServer } from '../support/test-server.js';
import { createSite, issue, scan, type Fixture } from '../support/fixtures.js';
import { createLogger } from '../../src/observability/logger.js';

describe('health, metrics and logs', () => {
  let s: TestServer;
  let f: Fixture;
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  beforeAll(async () => {
    s = await startTestServer({
      logger: createLogger('trace', sink),
      env: { CORS_ORIGINS: 'https://ops.example.com' },
    });
    f = await createSite(s);
  });
  afterAll(() => s.stop());

  test('/healthz and /readyz answer; /metrics has request, resolver, subscription, scan, allocation and gateway figures', async () => {
    const base = s.url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({
      status: 'ready',
      checks: { database: 'ok' },
    });
    const issued = await issue(s, f);
    await scan(s, f, issued.code.payload);
    const text = await (await fetch(`${base}/metrics`)).text();
    for (const name of [
      'http_request_duration_seconds_bucket',
      'graphql_resolver_duration_seconds_bucket',
      'graphql_open_subscriptions',
      'locker_scans_total{outcome="UNLOCKING_FOR_DEPOSIT"} 1',
      'locker_allocations_total 1',
      'locker_gateways_online',
    ]) {
      expect(text).toContain(name);
    }
  });

  test('CORS answers only configured origins', async () => {
    const allowed = await fetch(s.url, { method: 'OPTIONS', headers: { origin: 'https://ops.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://ops.example.com');
    const other = await fetch(s.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('secrets never reach the logs: passwords, tokens, access codes', async () => {
    const issued = await issue(s, f);
    await scan(s, f, issued.code.payload);
    await s.gql(`mutation { login(email:"${ADMIN.email}", password:"wrong-password-here"){ token } }`);
    await s.gql(`{ sessions { totalCount } }`, {}, 'lkd_an-invalid-token-value');
    const all = lines.join('');
    expect(all.length).toBeGreaterThan(0);
    for (const secret of [
      ADMIN.password,
      'wrong-password-here',
      f.kioskToken,
      f.gatewayToken,
      f.adminToken,
      issued.code.payload,
      'lkd_an-invalid-token-value',
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
