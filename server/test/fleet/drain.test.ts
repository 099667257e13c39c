import { request } from 'node:http';
import { describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { createTestDatabase } from '../support/test-server.js';
import { startChildServer } from '../support/child-server.js';

const GRACE_MS = 1500;

/** Opens a graphql-ws socket and waits for the server's acknowledgement. */
async function openSocket(port: number): Promise<{ closed: Promise<number> }> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
  const closed = new Promise<number>((r) => socket.once('close', (code) => r(code)));
  await new Promise<void>((ok, fail) => {
    socket.once('error', fail);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data) => {
      if ((JSON.parse((data as Buffer).toString('utf8')) as { type: string }).type === 'connection_ack') ok();
    });
  });
  return { closed };
}

/** A POST whose body arrives in two halves: in flight until `finish` is called. */
function slowRequest(port: number) {
  const body = JSON.stringify({ query: '{ __typename }' });
  let status = 0;
  let text = '';
  const req = request({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const done = new Promise<void>((ok, fail) => {
    req.once('error', fail);
    req.once('response', (res) => {
      status = res.statusCode ?? 0;
      res.on('data', (c: Buffer) => (text += String(c)));
      res.once('end', () => ok());
    });
  });
  req.write(body.slice(0, 5));
  return {
    async finish() {
      req.end(body.slice(5));
      await done;
      return { status, text };
    },
  };
}

describe('graceful drain on SIGTERM', () => {
  test('readyz 503 at once, the in-flight request finishes, WebSockets close with 1001, then exit', async () => {
    const database = await createTestDatabase();
    const s = await startChildServer({
      DATABASE_URL: database.url,
      DRAIN_GRACE_MS: String(GRACE_MS),
      SHUTDOWN_TIMEOUT_MS: '10000',
    });
    try {
      const socket = await openSocket(s.port);
      const inFlight = slowRequest(s.port);
      await new Promise((r) => setTimeout(r, 100)); // the request is with the server
      const exited = new Promise<number | null>((r) => s.process.once('exit', (code) => r(code)));
      const signalled = Date.now();
      s.process.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      expect((await fetch(`http://127.0.0.1:${s.port}/readyz`)).status).toBe(503);
      // still served during the grace period: the balancer has not yet seen the 503
      expect((await fetch(`http://127.0.0.1:${s.port}/healthz`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, GRACE_MS + 300));
      const answer = await inFlight.finish();
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('"__typename":"Query"');
      expect(await socket.closed).toBe(1001);
      expect(await exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(GRACE_MS + 8000);
    } finally {
      await s.stop();
      await database.drop();
    }
  }, 60_000);
});
