import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, scan, waitFor, type Fixture } from '../support/fixtures.js';
import { SiteReadCache, type SiteSnapshot } from '../../src/modules/sites/site-read.cache.js';
import { createEventBus } from '../../src/events/event-bus.js';
import { createLogger } from '../../src/observability/logger.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const READ = `query($id: ID!) { site(id: $id) { id name availability { size free total } } }`;
type Read = {
  site: { id: string; name: string; availability: { size: string; free: number; total: number }[] };
};

/** The public read path is cached per site: every change must show on the very next read. */
describe('site { availability }: cached, and fresh right after each change', () => {
  let s: TestServer;
  let f: Fixture;
  const read = async () => ok(await s.gql<Read>(READ, { id: f.siteId })).site;
  const small = async () => (await read()).availability.find((a) => a.size === 'SMALL');

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 2, MEDIUM: 1 } });
  });
  afterAll(async () => {
    await s?.stop();
  });

  test('a deposit takes a compartment and its retrieval gives it back, each seen by the next read', async () => {
    expect(await small()).toEqual({ size: 'SMALL', free: 2, total: 2 });
    expect(await small()).toEqual({ size: 'SMALL', free: 2, total: 2 }); // from the cache now
    const issued = await issue(s, f, 'SMALL');
    const deposit = await scan(s, f, issued.code.payload);
    expect(deposit.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    expect(await small()).toEqual({ size: 'SMALL', free: 1, total: 2 }); // RESERVED
    await door(s, f, deposit.compartment!.id, 'OPEN');
    await door(s, f, deposit.compartment!.id, 'CLOSED');
    expect(await small()).toEqual({ size: 'SMALL', free: 1, total: 2 }); // OCCUPIED
    expect((await scan(s, f, issued.code.payload)).outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    await door(s, f, deposit.compartment!.id, 'OPEN');
    await door(s, f, deposit.compartment!.id, 'CLOSED');
    expect(await small()).toEqual({ size: 'SMALL', free: 2, total: 2 });
  });

  test('out of service and back, a new bank and a renamed site are seen by the next read', async () => {
    const c = f.compartments.find((x) => x.size === 'MEDIUM')!;
    expect((await read()).availability.find((a) => a.size === 'MEDIUM')).toEqual({
      size: 'MEDIUM',
      free: 1,
      total: 1,
    });
    ok(
      await s.gql(
        `mutation($c:ID!){ setCompartmentOutOfService(compartmentId:$c, outOfService:true, reason:"cleaning"){ id } }`,
        { c: c.id },
        f.adminToken,
      ),
    );
    expect((await read()).availability.find((a) => a.size === 'MEDIUM')).toEqual({
      size: 'MEDIUM',
      free: 0,
      total: 0,
    });
    ok(
      await s.gql(
        `mutation($c:ID!){ setCompartmentOutOfService(compartmentId:$c, outOfService:false){ id } }`,
        { c: c.id },
        f.adminToken,
      ),
    );
    expect((await read()).availability.find((a) => a.size === 'MEDIUM')).toEqual({
      size: 'MEDIUM',
      free: 1,
      total: 1,
    });

    const compartments = [{ label: 'B001', size: 'LARGE', unitId: 9, coil: 0, doorInput: 0 }];
    ok(
      await s.gql(
        `mutation($s:ID!,$c:[CompartmentInput!]!){ createLockerBank(siteId:$s,label:"B",modbusEndpoint:"tcp://127.0.0.1:5021",compartments:$c){ id } }`,
        { s: f.siteId, c: compartments },
        f.adminToken,
      ),
    );
    expect((await read()).availability.find((a) => a.size === 'LARGE')).toEqual({
      size: 'LARGE',
      free: 1,
      total: 1,
    });

    ok(
      await s.gql(
        `mutation($id:ID!){ updateSite(id:$id, name:"Renamed Station"){ id } }`,
        { id: f.siteId },
        f.adminToken,
      ),
    );
    expect((await read()).name).toBe('Renamed Station');
  });

  test('tariffs come with availability, and a changed tariff is seen by the next read; an unknown site is null', async () => {
    const TARIFFS = `query($id:ID!){ site(id:$id){ availability { size tariff { size price { amount currency } includedMinutes } } } }`;
    type Tariffs = {
      site: {
        availability: {
          size: string;
          tariff: {
            size: string;
            price: { amount: number; currency: string };
            includedMinutes: number;
          } | null;
        }[];
      };
    };
    const tariffOf = async (size: string) =>
      ok(await s.gql<Tariffs>(TARIFFS, { id: f.siteId })).site.availability.find((a) => a.size === size)
        ?.tariff;
    expect(await tariffOf('SMALL')).toEqual({
      size: 'SMALL',
      price: { amount: 0, currency: 'EUR' },
      includedMinutes: 60,
    });
    expect(await tariffOf('LARGE')).toBeNull(); // no tariff set for the new bank's size
    const SET = `mutation($s:ID!,$z:CompartmentSize!,$p:Int!){ setTariff(siteId:$s,size:$z,price:$p,currency:"EUR",includedMinutes:90,overduePerHour:200,graceMinutes:15,securityAlertAfterMinutes:60){ id } }`;
    ok(await s.gql(SET, { s: f.siteId, z: 'SMALL', p: 450 }, f.adminToken));
    expect(await tariffOf('SMALL')).toEqual({
      size: 'SMALL',
      price: { amount: 450, currency: 'EUR' },
      includedMinutes: 90,
    });
    ok(await s.gql(SET, { s: f.siteId, z: 'LARGE', p: 700 }, f.adminToken));
    expect((await tariffOf('LARGE'))?.price).toEqual({ amount: 700, currency: 'EUR' });
    expect(ok(await s.gql(READ, { id: '00000000-0000-4000-8000-000000000000' }))).toEqual({ site: null });
  });
});

describe('SiteReadCache: a load that raced a change does not store what it read', () => {
  const snapshot = (free: number): SiteSnapshot => ({
    site: {
      id: 's',
      name: 'S',
      slug: 'sss',
      localNames: [],
      timezone: 'UTC',
      codeLifetimeMinutes: 60,
      depositWindowSeconds: 120,
      leftOpenSeconds: 120,
      abandonAfterDays: 7,
      unlockAckTimeoutSeconds: 10,
      gatewayHeartbeatSeconds: 30,
      pulseMs: 500,
      paymentWindowSeconds: 300,
      accessOpensPerSession: null,
      retiredAt: null,
    },
    availability: [{ size: 'SMALL', free, total: 2, tariff: null, dimensions: null }],
  });

  test('invalidated while loading: the stale result answers its own readers, but is not kept', async () => {
    const loads: ((v: SiteSnapshot) => void)[] = [];
    const cache = new SiteReadCache(() => new Promise((resolve) => loads.push(resolve)), {
      maxAgeMs: 60_000,
      maxEntries: 100,
    });
    const racing = cache.get('s');
    expect(loads).toHaveLength(1);
    cache.invalidate('s'); // the change commits while the first load is under way
    const after = cache.get('s'); // a read after the change starts its own load
    expect(loads).toHaveLength(2);
    loads[0]!(snapshot(2)); // stale: read before the change
    loads[1]!(snapshot(1));
    expect((await racing)?.availability[0]?.free).toBe(2);
    expect((await after)?.availability[0]?.free).toBe(1);
    expect((cache.get('s') as SiteSnapshot).availability[0]?.free).toBe(1); // a hit: no third load
    expect(loads).toHaveLength(2);
  });

  test('the stale load finishing last does not overwrite the fresh one either', async () => {
    const loads: ((v: SiteSnapshot) => void)[] = [];
    const cache = new SiteReadCache(() => new Promise((resolve) => loads.push(resolve)), {
      maxAgeMs: 60_000,
      maxEntries: 100,
    });
    const racing = cache.get('s');
    cache.invalidate('s');
    const after = cache.get('s');
    loads[1]!(snapshot(1));
    await after;
    loads[0]!(snapshot(2));
    await racing;
    expect((cache.get('s') as SiteSnapshot).availability[0]?.free).toBe(1);
  });

  test('concurrent misses share one load; entries expire after maxAgeMs', async () => {
    let now = 0;
    let count = 0;
    const cache = new SiteReadCache(() => (count++, Promise.resolve(snapshot(2))), {
      maxAgeMs: 1000,
      maxEntries: 100,
      now: () => now,
    });
    await Promise.all([cache.get('s'), cache.get('s'), cache.get('s')]);
    expect(count).toBe(1);
    now = 999;
    void cache.get('s');
    expect(count).toBe(1);
    now = 1000;
    await cache.get('s');
    expect(count).toBe(2);
  });
});

describe('SiteReadCache on a Redis event bus', () => {
  const snapshot = (): SiteSnapshot => ({
    site: {
      id: 's',
      name: 'S',
      slug: 'sss',
      localNames: [],
      timezone: 'UTC',
      codeLifetimeMinutes: 60,
      depositWindowSeconds: 120,
      leftOpenSeconds: 120,
      abandonAfterDays: 7,
      unlockAckTimeoutSeconds: 10,
      gatewayHeartbeatSeconds: 30,
      pulseMs: 500,
      paymentWindowSeconds: 300,
      accessOpensPerSession: null,
      retiredAt: null,
    },
    availability: [],
  });
  const changed = (siteId: string) => ({ siteId }) as never; // only siteId is read by the cache
  const settle = () => new Promise((r) => setTimeout(r, 200));

  test('the publishing instance drops its copy at publish, before its own event comes back through Redis', async () => {
    const bus = await createEventBus(REDIS_URL, { prefix: 'test:' });
    const site = `site-${Date.now()}`;
    let loads = 0;
    const cache = new SiteReadCache(() => (loads++, Promise.resolve(snapshot())), {
      maxAgeMs: 60_000,
      maxEntries: 100,
    });
    const stop = cache.listen(bus, createLogger('silent'));
    await settle(); // connected and subscribed
    await cache.get(site);
    bus.publish('COMPARTMENT_UPDATED', site, changed(site));
    void cache.get(site); // same tick: no Redis message can have arrived yet
    expect(loads).toBe(2);
    await settle(); // the publish has left before the connections close
    await stop();
    await bus.close();
  });

  test('another instance drops its copy when the event arrives', async () => {
    const [writer, reader] = await Promise.all([
      createEventBus(REDIS_URL, { prefix: 'test:' }),
      createEventBus(REDIS_URL, { prefix: 'test:' }),
    ]);
    const site = `site-${Date.now()}`;
    let loads = 0;
    const cache = new SiteReadCache(() => (loads++, Promise.resolve(snapshot())), {
      maxAgeMs: 60_000,
      maxEntries: 100,
    });
    const stop = cache.listen(reader, createLogger('silent'));
    await settle(); // connected, and the reader's SUBSCRIBE is in place
    await cache.get(site);
    for (const topic of ['COMPARTMENT_UPDATED', 'SITE_CHANGED'] as const) {
      const before = loads;
      writer.publish(topic, '*', changed(site));
      await waitFor(async () => (await cache.get(site), loads > before), 3000);
    }
    expect(loads).toBe(3);
    await settle();
    await stop();
    await Promise.all([writer.close(), reader.close()]);
  });
});
