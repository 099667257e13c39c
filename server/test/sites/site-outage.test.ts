import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, presence, scan, type Fixture } from '../support/fixtures.js';
import { ManualClock } from '../../src/shared/clock.js';

/**
 * What operators see of a site cut off from the server: its gateway, which keeps a replica
 * (the site path), shows as offline-autonomous; the outage raises one SITE_OFFLINE alert,
 * resolved when the gateway is back; while it replays, the board shows how many events wait.
 */
describe('a site outage on the operators board', () => {
  let s: TestServer;
  let f: Fixture;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, { counts: { SMALL: 3 } });
  });
  afterAll(async () => {
    await s?.stop();
  });

  interface Gw {
    online: boolean;
    mode: string;
    offlineEventsWaiting: number;
  }
  interface Alert {
    type: string;
    resolvedAt: string | null;
    acknowledgedAt: string | null;
  }
  const gateways = async () =>
    ok(
      await s.gql<{ site: { gateways: Gw[] } }>(
        `query($id:ID!){ site(id:$id){ gateways { online mode offlineEventsWaiting } } }`,
        { id: f.siteId },
        f.adminToken,
      ),
    ).site.gateways;
  const alerts = async (open?: boolean) =>
    ok(
      await s.gql<{ alerts: Alert[] }>(
        `query($s:ID,$o:Boolean){ alerts(siteId:$s, open:$o){ type resolvedAt acknowledgedAt } }`,
        { s: f.siteId, o: open ?? null },
        f.adminToken,
      ),
    ).alerts.filter((a) => a.type === 'SITE_OFFLINE' || a.type === 'GATEWAY_OFFLINE');
  const tick = async () => {
    await s.app.tick();
    await s.app.tick();
  };
  const here = () =>
    presence(s, f, { since: new Date(clock.now().getTime() - 60_000), lastGoodReadAt: clock.now() });

  test('a gateway with a replica that falls silent: offline-autonomous, one SITE_OFFLINE alert, resolved on its return', async () => {
    // The gateway reads its replica: it runs the site path.
    ok(await s.gql(`query { siteReplica { siteId } }`, {}, f.gatewayToken));
    await here();
    expect(await gateways()).toEqual([{ online: true, mode: 'ONLINE', offlineEventsWaiting: 0 }]);

    clock.advance(11_000); // presence expired, the heartbeat window (30 s) not yet
    await tick();
    expect((await gateways())[0]!.mode).toBe('OFFLINE_AUTONOMOUS');
    expect(await alerts()).toEqual([]);

    clock.advance(25_000);
    await tick();
    await tick();
    const raised = await alerts(true);
    expect(raised).toEqual([{ type: 'SITE_OFFLINE', resolvedAt: null, acknowledgedAt: null }]);

    clock.advance(3600_000); // an hour on: still the one alert
    await tick();
    expect(await alerts()).toHaveLength(1);

    await here();
    await tick();
    const after = await alerts();
    expect(after).toHaveLength(1);
    expect(after[0]!.resolvedAt).not.toBeNull();
    expect(await alerts(true)).toEqual([]);
    expect((await gateways())[0]!.mode).toBe('ONLINE');
  });

  test('a gateway without the site path that falls silent raises GATEWAY_OFFLINE, not SITE_OFFLINE', async () => {
    const plain = await createSite(s, { counts: { SMALL: 1 } });
    await presence(s, plain, {
      since: new Date(clock.now().getTime() - 60_000),
      lastGoodReadAt: clock.now(),
    });
    clock.advance(40_000);
    await here(); // the first site's gateway stays present
    await tick();
    const types = ok(
      await s.gql<{ alerts: Alert[] }>(
        `query($s:ID){ alerts(siteId:$s, open:true){ type resolvedAt acknowledgedAt } }`,
        { s: plain.siteId },
        plain.adminToken,
      ),
    ).alerts.map((a) => a.type);
    expect(types).toEqual(['GATEWAY_OFFLINE']);
  });

  test('while the gateway replays, the board shows how many events still wait', async () => {
    const issued = await issue(s, f);
    const deposit = await scan(s, f, issued.code.payload);
    const compartmentId = deposit.compartment!.id;
    await door(s, f, compartmentId, 'OPEN', clock.now());
    await door(s, f, compartmentId, 'CLOSED', clock.now());
    const replay = (waiting: number) =>
      s.gql(
        `mutation($e:[OfflineRetrievalInput!]!,$w:Int){ replayOfflineEvents(events:$e, waiting:$w){ id outcome } }`,
        {
          e: [
            {
              id: randomUUID(),
              seq: 1000 + waiting,
              sessionId: issued.session.id,
              compartmentId,
              verifier: '0'.repeat(64),
              occurredAt: clock.now().toISOString(),
              pulseResult: 'FAILED',
            },
          ],
          w: waiting,
        },
        f.gatewayToken,
      );
    ok(await replay(3)); // 3 waiting, this one among them
    expect((await gateways())[0]!.offlineEventsWaiting).toBe(2);
    ok(await replay(1));
    expect((await gateways())[0]!.offlineEventsWaiting).toBe(0);
  });
});
