import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, ok, waitFor, type Fixture } from '../support/fixtures.js';
import { ManualClock } from '../../src/shared/clock.js';

const MIN = 60_000;
const KIOSKS = `query($s:ID!){ site(id:$s){ kiosks { name lastSeenAt appVersion quiet } } }`;
type Kiosks = {
  site: { kiosks: { name: string; lastSeenAt: string | null; appVersion: string | null; quiet: boolean }[] };
};

describe('kiosk health: last seen, version, and one alert per quiet spell', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  const clock = new ManualClock(new Date());
  /** A kiosk's ordinary call, with the version header its app sends. */
  const kioskCall = (version: string) =>
    fetch(s.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${f.kioskToken}`,
        'x-client-version': version,
      },
      body: JSON.stringify({ query: `query($s:ID!){ site(id:$s){ name } }`, variables: { s: f.siteId } }),
    });
  const quietAlerts = async () =>
    (
      await db.query(
        `select message, resolved_at is not null as resolved from alert where type = 'KIOSK_QUIET' order by created_at`,
      )
    ).rows as { message: string; resolved: boolean }[];
  const kiosk = async () => ok(await s.gql<Kiosks>(KIOSKS, { s: f.siteId }, f.adminToken)).site.kiosks[0]!;

  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, { counts: { SMALL: 1 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('a kiosk’s calls set its last seen and version; silence raises one alert, its return resolves it', async () => {
    expect((await kioskCall('1.4.2')).status).toBe(200);
    const seen = await waitFor(async () => {
      const k = await kiosk();
      return k.lastSeenAt ? k : undefined;
    });
    expect(seen).toMatchObject({ appVersion: '1.4.2', quiet: false });
    expect(new Date(seen.lastSeenAt!).getTime()).toBe(clock.now().getTime());

    clock.advance(2 * MIN); // quiet after 3 minutes: not yet
    await s.app.tick();
    expect(await quietAlerts()).toEqual([]);

    clock.advance(2 * MIN);
    await s.app.tick();
    await s.app.tick(); // a second pass raises nothing more
    const raised = await quietAlerts();
    expect(raised).toHaveLength(1);
    expect(raised[0]!.message).toMatch(
      /^Kiosk k1 has not been heard from since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(Europe\/Berlin\)$/,
    );
    expect(raised[0]!.resolved).toBe(false);
    expect((await kiosk()).quiet).toBe(true);

    expect((await kioskCall('<script>')).status).toBe(200); // heard again; a version that is not one is ignored
    await waitFor(async () => (await kiosk()).lastSeenAt !== seen.lastSeenAt);
    await s.app.tick();
    expect(await quietAlerts()).toEqual([{ message: raised[0]!.message, resolved: true }]);
    expect(await kiosk()).toMatchObject({ appVersion: '1.4.2', quiet: false });

    // a new quiet spell is a new alert
    clock.advance(4 * MIN);
    await s.app.tick();
    expect((await quietAlerts()).map((a) => a.resolved)).toEqual([true, false]);
  });

  test('kiosk health is for staff: a kiosk token reads no kiosks', async () => {
    const r = await s.gql<Kiosks>(KIOSKS, { s: f.siteId }, f.kioskToken);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
