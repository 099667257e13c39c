import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, presence, scan, type Fixture } from '../support/fixtures.js';
import { ManualClock } from '../../src/shared/clock.js';

/**
 * Usage reports count a bag collected at the site while it was cut off, once the site has
 * replayed it: in the hour its door closed, once however often the event and its door
 * readings reach the server, also after an outage longer than a day.
 */
const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const verifierOf = (siteId: string, code: string) =>
  sha256(`lockers-site-verifier:v1:${siteId}:${sha256(code)}`);
const HOUR = 3600_000;

describe('offline collections in the usage report', () => {
  let s: TestServer;
  let f: Fixture;
  const clock = new ManualClock(new Date(Date.UTC(2026, 10, 20, 8, 0, 0)));
  const start = clock.now();
  let seq = 0;

  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, { counts: { SMALL: 4 }, tariff: { includedMinutes: 7 * 24 * 60 } });
  });
  afterAll(async () => {
    await s?.stop();
  });

  const here = () => presence(s, f, { since: start, lastGoodReadAt: clock.now() });
  async function stored(): Promise<{ id: string; code: string; compartmentId: string }> {
    const issued = await issue(s, f);
    const deposit = await scan(s, f, issued.code.payload);
    const compartmentId = deposit.compartment!.id;
    await door(s, f, compartmentId, 'OPEN', clock.now());
    await door(s, f, compartmentId, 'CLOSED', clock.now());
    return { id: issued.session.id, code: issued.code.payload, compartmentId };
  }
  /** The site's retrieval at `at`: pulse, door open 2 s later, closed 20 s later. */
  const retrieval = (bag: { id: string; code: string; compartmentId: string }, at: Date) => ({
    id: randomUUID(),
    seq: seq++,
    sessionId: bag.id,
    compartmentId: bag.compartmentId,
    verifier: verifierOf(f.siteId, bag.code),
    occurredAt: at.toISOString(),
    pulseResult: 'SUCCEEDED',
    doorOpenedAt: new Date(at.getTime() + 2_000).toISOString(),
    doorClosedAt: new Date(at.getTime() + 20_000).toISOString(),
  });
  const replay = async (events: unknown[]) =>
    ok(
      await s.gql<{ replayOfflineEvents: Array<{ outcome: string }> }>(
        `mutation($e:[OfflineRetrievalInput!]!){ replayOfflineEvents(events:$e){ outcome } }`,
        { e: events },
        f.gatewayToken,
      ),
    ).replayOfflineEvents;
  const status = async (id: string) =>
    ok(
      await s.gql<{ session: { status: string } }>(
        `query($id:ID!){ session(id:$id){ status } }`,
        { id },
        f.adminToken,
      ),
    ).session.status;
  /** Retrievals per hour from `start` to now. */
  const retrievalsByHour = async () => {
    const buckets = ok(
      await s.gql<{ usageReport: { buckets: Array<{ start: string; retrievals: number }> } }>(
        `query($s:ID,$f:DateTime!,$t:DateTime!){ usageReport(siteId:$s, from:$f, to:$t, bucket:HOUR){ buckets { start retrievals } } }`,
        {
          s: f.siteId,
          f: start.toISOString(),
          t: new Date(Math.ceil(clock.now().getTime() / HOUR) * HOUR + HOUR).toISOString(),
        },
        f.adminToken,
      ),
    ).usageReport.buckets;
    return Object.fromEntries(buckets.filter((b) => b.retrievals > 0).map((b) => [b.start, b.retrievals]));
  };
  /** The timers' passes, as they would run while the gateway is present. */
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      await here();
      await s.app.tick();
    }
  };

  test('a collection replayed after a short outage counts once, in the hour its door closed', async () => {
    const bag = await stored();
    await here();
    const at = new Date(start.getTime() + HOUR + 5 * 60_000); // 09:05, the server away
    clock.set(new Date(start.getTime() + 3 * HOUR)); // back at 11:00
    const event = retrieval(bag, at);
    expect(await replay([event])).toEqual([{ outcome: 'APPLIED' }]);
    await replay([event]); // a crash before the site noted the server's answer
    // the gateway's door reporter then sends the same readings again
    await door(s, f, bag.compartmentId, 'OPEN', new Date(event.doorOpenedAt));
    await door(s, f, bag.compartmentId, 'CLOSED', new Date(event.doorClosedAt));
    await settle();
    expect(await status(bag.id)).toBe('COMPLETED');
    expect(await retrievalsByHour()).toEqual({ '2026-11-20T09:00:00.000Z': 1 });
  });

  test('a collection replayed after an outage longer than a day still completes and counts once', async () => {
    const bag = await stored();
    await here();
    const at = new Date(clock.now().getTime() + 10 * 60_000); // 11:13 or so, then a 30-hour outage
    clock.set(new Date(at.getTime() + 30 * HOUR));
    const event = retrieval(bag, at);
    expect(await replay([event])).toEqual([{ outcome: 'APPLIED' }]);
    await replay([event]);
    await settle();
    expect(await status(bag.id)).toBe('COMPLETED');
    const hour = new Date(Math.floor((at.getTime() + 20_000) / HOUR) * HOUR).toISOString();
    expect(await retrievalsByHour()).toEqual({ '2026-11-20T09:00:00.000Z': 1, [hour]: 1 });
  });
});
