import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestServer } from '../support/test-server.js';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { startSlowProxy, type SlowProxy } from '../support/slow-proxy.js';
import {
  collect,
  createSite,
  door,
  heartbeat,
  issue,
  login,
  scanOnly,
  waitFor,
  type Fixture,
} from '../support/fixtures.js';

const REDIS = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

/**
 * A client (re)subscribing on one instance while another writes: the subscription reads what
 * it missed from PostgreSQL and hears the rest through Redis. An event committed after the
 * read and published before the instance's Redis subscription is in effect must still arrive:
 * for a gateway's command nobody will ever send it again, for a dashboard it is a hole in its
 * log. B's link to Redis is slowed for the moment of the subscribe to open that window wide.
 */
describe('catching up across instances', () => {
  let a: ChildServer;
  let b: ChildServer;
  let proxy: SlowProxy;
  let f: Fixture;
  let db: pg.Client;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    proxy = await startSlowProxy(Number(REDIS.port || 6379), 0);
    const prefix = `t${Date.now().toString(36)}:`;
    const env = { DATABASE_URL: database.url, REDIS_PREFIX: prefix };
    a = await startChildServer({ ...env, REDIS_URL: REDIS.toString() });
    b = await startChildServer({ ...env, REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
    f = await createSite(a as unknown as TestServer, { counts: { SMALL: 8 } });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  }, 90_000);
  afterAll(async () => {
    await db?.end();
    await Promise.all([a?.stop(), b?.stop()]);
    await proxy?.close();
    await drop?.();
  });

  test('commands issued on another instance while the feed subscribes all arrive', async () => {
    const codes = await Promise.all(
      Array.from({ length: 7 }, () => issue(a as unknown as TestServer, f, 'SMALL')),
    );
    await heartbeat(a as unknown as TestServer, f);
    const client = b.ws(f.gatewayToken);
    await new Promise<void>((resolve) => {
      client.on('connected', () => resolve());
      void client.subscribe(
        { query: '{ __typename }' },
        { next: () => {}, error: () => {}, complete: () => {} },
      );
    });
    // B's link to Redis turns slow: its SUBSCRIBE lands 800 ms after the feed has read PostgreSQL
    proxy.delayMs = 800;
    const feed = collect<{ gatewayCommands: { id: string } }>(
      client,
      `subscription { gatewayCommands { id } }`,
    );
    await new Promise((r) => setTimeout(r, 150));
    const outcomes: string[] = [];
    for (const code of codes.slice(0, 6)) {
      outcomes.push((await scanOnly(a as unknown as TestServer, f, code.code.payload)).outcome);
      await new Promise((r) => setTimeout(r, 60));
    }
    // and one long after the subscription is in effect, through Redis
    await new Promise((r) => setTimeout(r, 1500));
    outcomes.push((await scanOnly(a as unknown as TestServer, f, codes[6]!.code.payload)).outcome);
    expect(outcomes.every((o) => o === 'UNLOCKING_FOR_DEPOSIT')).toBe(true);
    const { rows } = await db.query<{ id: string }>(`select id from gateway_command order by issued_at`);
    expect(rows).toHaveLength(7);
    await waitFor(() => feed.events.length >= rows.length, 5000).catch(() => undefined);
    expect(feed.errors).toEqual([]);
    expect(feed.events.map((e) => e.gatewayCommands.id)).toContain(rows[6]!.id);
    const got = feed.events.map((e) => e.gatewayCommands.id);
    expect(rows.map((r) => r.id).filter((id) => !got.includes(id))).toEqual([]); // none missed
    expect(got.length - new Set(got).size).toBe(0); // none twice
    proxy.delayMs = 0;
    feed.dispose();
  }, 60_000);

  test('a command committed whose publish was lost still reaches the gateway that stays connected', async () => {
    const client = b.ws(f.gatewayToken);
    const feed = collect<{ gatewayCommands: { id: string } }>(
      client,
      `subscription { gatewayCommands { id } }`,
    );
    await new Promise((r) => setTimeout(r, 1500)); // subscribed, pending ones read
    // what an instance killed between its commit and its publish leaves: the row alone
    const { rows } = await db.query<{ id: string }>(
      `insert into gateway_command (id, gateway_id, compartment_id, session_id, type, endpoint, unit_id, coil,
         door_input, pulse_ms, issued_at, expires_at)
       select gen_random_uuid(), gateway_id, compartment_id, null, type, endpoint, unit_id, coil, door_input,
         pulse_ms, now(), now() + interval '10 seconds' from gateway_command limit 1
       returning id`,
    );
    const id = rows[0]!.id;
    await waitFor(() => feed.events.some((e) => e.gatewayCommands.id === id), 6000).catch(() => undefined);
    expect(feed.events.map((e) => e.gatewayCommands.id)).toContain(id);
    const got = feed.events.map((e) => e.gatewayCommands.id);
    expect(got.length - new Set(got).size).toBe(0); // republished, yet sent once on this feed
    feed.dispose();
  }, 30_000);

  test('a dashboard resubscribing with a cursor gets the door events committed on another instance meanwhile', async () => {
    const admin = await login(a as unknown as TestServer);
    const compartment = f.compartments[7]!.id;
    await door(a as unknown as TestServer, f, compartment, 'OPEN'); // the log the dashboard had seen
    const page = await a.gql<{ doorEvents: { nodes: { cursor: string }[] } }>(
      `query($s: ID) { doorEvents(siteId: $s, first: 1) { nodes { cursor } } }`,
      { s: f.siteId },
      admin,
    );
    const since = page.data!.doorEvents.nodes[0]?.cursor ?? null;
    expect(since).not.toBeNull();
    // the newest event now (the query's pages are newest first): the dashboard has seen up to it
    const { rows: newest } = await db.query<{ seq: string }>(
      `select max(seq)::text as seq from door_event where site_id = $1`,
      [f.siteId],
    );
    const client = b.ws(admin);
    await new Promise<void>((resolve) => {
      client.on('connected', () => resolve());
      void client.subscribe(
        { query: '{ __typename }' },
        { next: () => {}, error: () => {}, complete: () => {} },
      );
    });
    proxy.delayMs = 800;
    const dashboard = collect<{ doorEvents: { id: string } }>(
      client,
      `subscription($s: ID, $since: String) { doorEvents(siteId: $s, since: $since) { id } }`,
      { s: f.siteId, since },
    );
    await new Promise((r) => setTimeout(r, 150));
    await door(a as unknown as TestServer, f, compartment, 'CLOSED');
    for (let i = 0; i < 3; i++) {
      await door(a as unknown as TestServer, f, compartment, 'OPEN');
      await door(a as unknown as TestServer, f, compartment, 'CLOSED');
    }
    const { rows } = await db.query<{ id: string }>(
      `select id from door_event where site_id = $1 and seq > $2 order by seq`,
      [f.siteId, newest[0]!.seq],
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    await waitFor(() => dashboard.events.length >= rows.length, 5000).catch(() => undefined);
    proxy.delayMs = 0;
    expect(dashboard.errors).toEqual([]);
    const got = dashboard.events.map((e) => e.doorEvents.id);
    expect(rows.map((r) => r.id).filter((id) => !got.includes(id))).toEqual([]); // none missed
    expect(got.length - new Set(got).size).toBe(0); // none twice
    dashboard.dispose();
  }, 30_000);
});
