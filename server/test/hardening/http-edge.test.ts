import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Sends raw bytes on a fresh TCP connection; resolves with everything the server wrote before closing. */
function raw(
  port: number,
  bytes: string | Buffer,
  opts: { keepOpenMs?: number } = {},
): Promise<{ text: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let text = '';
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve({ text, closedAfterMs: Date.now() - started }));
    setTimeout(() => socket.destroy(), opts.keepOpenMs ?? 5_000);
  });
}

describe('the HTTP edge: no request stops the server, each gets a status that says what was wrong', () => {
  let s: TestServer;
  let base: string;
  let port: number;
  beforeAll(async () => {
    const apps = mkdtempSync(join(tmpdir(), 'lockers-apps-'));
    for (const app of ['kiosk-web', 'admin-web']) {
      mkdirSync(join(apps, app, 'dist'), { recursive: true });
      writeFileSync(join(apps, app, 'dist', 'index.html'), '<!doctype html><title>app</title>');
    }
    s = await startTestServer({
      env: {
        APPS_DIR: apps,
        STRIPE_WEBHOOK_SECRET: 'whsec_test',
        HTTP_HEADERS_TIMEOUT_MS: '500',
        HTTP_REQUEST_TIMEOUT_MS: '1500',
      },
    });
    base = s.url.replace(/\/graphql$/, '');
    port = Number(new URL(base).port);
  });
  afterAll(async () => {
    await s.stop();
  });

  const alive = async () => expect((await fetch(`${base}/healthz`)).status).toBe(200);

  test('malformed percent-encoding in a static path is a 400, and the server keeps running', async () => {
    for (const path of ['/kiosk/%E0%A4%A', '/admin/%', '/kiosk/%00', '/kiosk/%C0%AF..%C0%AF']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBeLessThan(500);
      await res.arrayBuffer();
    }
    expect((await fetch(`${base}/kiosk/%E0%A4%A`)).status).toBe(400);
    await alive();
  });

  test('bodies over the limit get 413 (not a reset) on /graphql and on the Stripe webhook', async () => {
    const big = JSON.stringify({ query: `{ me { id } }`, pad: 'x'.repeat(300 * 1024) });
    const gql = await fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(gql.status).toBe(413);
    const hook = await fetch(`${base}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(600 * 1024),
    });
    expect(hook.status).toBe(413);
    // far past the limit and declared so: answered at once, then the connection closes
    const declared = await raw(
      port,
      `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 900000000\r\n\r\n{`,
    );
    expect(declared.text).toMatch(/^HTTP\/1\.1 413/);
    await alive();
  });

  test('invalid UTF-8 or invalid JSON in a body is a 400', async () => {
    const bad = Buffer.concat([
      Buffer.from('{"query":"{ me { id } }","x":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}'),
    ]);
    const res = await fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bad,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/UTF-8/);
    expect(
      (
        await fetch(s.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":',
        })
      ).status,
    ).toBe(400);
  });

  test('bad methods are 405 with Allow; unknown routes 404; huge headers 431', async () => {
    const put = await fetch(s.url, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    expect((await fetch(`${base}/kiosk/`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${base}/nothing/here`)).status).toBe(404);
    const huge = await raw(
      port,
      `GET /healthz HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(40 * 1024)}\r\n\r\n`,
    );
    expect(huge.text).toMatch(/^HTTP\/1\.1 431/);
    const junk = await raw(port, `\x00\x01GARBAGE / HTTP/9\r\n\r\n`);
    expect(junk.text).toMatch(/^HTTP\/1\.1 400/);
    await alive();
  });

  test('a slow client is cut off: headers never finished, or a body that never ends', async () => {
    const slowHeaders = await raw(port, `GET /healthz HTTP/1.1\r\nhost: x\r\n`, { keepOpenMs: 10_000 });
    expect(slowHeaders.closedAfterMs).toBeLessThan(3_000);
    expect(slowHeaders.text).toMatch(/408/);
    const slowBody = await raw(
      port,
      `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"query"`,
      { keepOpenMs: 10_000 },
    );
    expect(slowBody.closedAfterMs).toBeLessThan(4_000);
    await alive();
  });
});
