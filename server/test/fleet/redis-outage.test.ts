import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestServer } from '../support/test-server.js';
import { freePort, startChildServer, type ChildServer } from '../support/child-server.js';
import { collect, createSite, door, issue, scan, waitFor, type Fixture } from '../support/fixtures.js';

/** A Redis of this test's own, on a port of its own, so stopping it disturbs nobody else. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await waitFor(async () => {
    const { Redis } = await import('ioredis');
    const probe = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      probe.disconnect();
    }
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

const ready = async (s: ChildServer) => (await fetch(`http://127.0.0.1:${s.port}/readyz`)).status;

describe('Redis stopped for 10 s', () => {
  let redisPort: number;
  let redis: ChildProcess;
  let a: ChildServer;
  let b: ChildServer;
  let f: Fixture;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    const database = await createTestDatabase();
    drop = database.drop;
    const env = { DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${redisPort}` };
    a = await startChildServer(env);
    b = await startChildServer(env);
    f = await createSite(a as unknown as TestServer, { counts: { SMALL: 5 } });
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (redis?.exitCode === null) await stopRedis(redis);
    await drop?.();
  });

  test('readyz 503 on every instance, scans answer at once, recovery on its own', async () => {
    expect([await ready(a), await ready(b)]).toEqual([200, 200]);
    // the site's gateway takes its commands from instance A
    const gateway = collect<{ gatewayCommands: { id: string; compartmentId: string } }>(
      a.ws(f.gatewayToken),
      `subscription { gatewayCommands { id compartmentId } }`,
    );
    await new Promise((r) => setTimeout(r, 500)); // its feed is open
    await stopRedis(redis);
    const down = Date.now();
    await waitFor(async () => (await ready(a)) === 503 && (await ready(b)) === 503, 3000);
    // a scan while Redis is away: the rate limit counts locally, nothing waits on Redis
    const issued = await issue(a as unknown as TestServer, f);
    const started = Date.now();
    const r = await scan(b as unknown as TestServer, f, issued.code.payload);
    expect(r.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    expect(Date.now() - started).toBeLessThan(2000);
    // the unlock was committed on B and could not go through Redis: A's feed still finds it
    // in time (the command lives 10 s; the outage lasts longer), or the door never opens
    await waitFor(
      () => gateway.events.some((e) => e.gatewayCommands.compartmentId === r.compartment!.id),
      4000,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    // committed on A, where the gateway is connected: handed to it at once, not at the feed's
    // next read of its pending commands (once a second while Redis is away). Three in a row, so
    // a read that happens to come right after a scan cannot pass for it.
    for (let i = 0; i < 3; i++) {
      const more = await issue(a as unknown as TestServer, f);
      const deposit = await scan(a as unknown as TestServer, f, more.code.payload);
      expect(deposit.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
      const answered = Date.now();
      await waitFor(
        () => gateway.events.some((e) => e.gatewayCommands.compartmentId === deposit.compartment!.id),
        3000,
      );
      expect(Date.now() - answered).toBeLessThan(250);
    }
    await door(a as unknown as TestServer, f, r.compartment!.id, 'OPEN');
    await door(a as unknown as TestServer, f, r.compartment!.id, 'CLOSED');
    await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - down))));
    redis = await startRedis(redisPort);
    await waitFor(async () => (await ready(a)) === 200 && (await ready(b)) === 200, 15_000);
    // nothing lost: what was written during the outage is there; a subscriber on B hears A again
    const onB = collect<{ sessionUpdated: { status: string } }>(
      b.ws(f.adminToken),
      `subscription($id:ID!){ sessionUpdated(sessionId:$id){ status } }`,
      { id: issued.session.id },
    );
    const now = await b.gql<{ session: { status: string } }>(
      `query($id:ID!){ session(id:$id){ status } }`,
      { id: issued.session.id },
      f.adminToken,
    );
    expect(now.data?.session.status).toBe('STORED');
    await new Promise((r) => setTimeout(r, 300)); // subscription registered
    expect((await scan(a as unknown as TestServer, f, issued.code.payload)).outcome).toBe(
      'UNLOCKING_FOR_RETRIEVAL',
    );
    await waitFor(() => onB.events.some((e) => e.sessionUpdated.status === 'RETRIEVING'), 5000);
    gateway.dispose();
  }, 60_000);
});
