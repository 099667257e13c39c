import { describe, expect, test } from 'vitest';
import { startTestServer } from '../support/test-server.js';

const TOKEN = 'metrics-token-0123456789';

describe('/metrics is not open on the API port', () => {
  test('with METRICS_TOKEN: 401 without the bearer token; with it the fleet figures', async () => {
    const s = await startTestServer({ env: { METRICS_TOKEN: TOKEN } });
    try {
      const url = s.url.replace('/graphql', '/metrics');
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(
        401,
      );
      const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      for (const name of [
        'locker_job_queue_jobs{queue="deliver-notification",state="ready"}',
        'locker_db_pool_connections{state="total"}',
        'locker_delivery_failures_total',
        'locker_timer_lag_seconds',
        'locker_timer_leader',
      ]) {
        expect(text).toContain(name);
      }
    } finally {
      await s.stop();
    }
  });

  test('in production with neither a token nor a port of its own: not served on the API port', async () => {
    const s = await startTestServer({
      env: { NODE_ENV: 'production', AUTH_SECRET: 'test-secret-test-secret-test-secret-00' },
    });
    try {
      expect((await fetch(s.url.replace('/graphql', '/metrics'))).status).toBe(404);
    } finally {
      await s.stop();
    }
  });
});
