import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { collect, createSite, door, heartbeat, ok, waitFor, type Fixture } from '../support/fixtures.js';

const PAGE = `query($s:ID){ doorEvents(siteId:$s, first:50){ nodes { id cursor type } } }`;
const FOLLOW = `subscription($s:ID,$since:String){ doorEvents(siteId:$s, since:$since){ id cursor type } }`;
type Seen = { id: string; cursor: string; type: string };

describe('doorEvents(since): a resubscribing client gets what it missed, then live events', () => {
  let s: TestServer;
  let f: Fixture;
  const log = async () =>
    ok(
      await s.gql<{ doorEvents: { nodes: Seen[] } }>(PAGE, { s: f.siteId }, f.adminToken),
    ).doorEvents.nodes.reverse();
  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 2 } });
    await heartbeat(s, f);
  });
  afterAll(() => s.stop());

  test('events after the cursor are replayed in order, once, before live ones', async () => {
    const c = f.compartments[0]!.id;
    for (let i = 0; i < 3; i++) {
      await door(s, f, c, 'OPEN');
      await door(s, f, c, 'CLOSED');
    }
    const before = await log();
    expect(before.length).toBeGreaterThanOrEqual(6);
    const from = before[1]!;
    const sub = collect<{ doorEvents: Seen }>(s.ws(f.adminToken), FOLLOW, {
      s: f.siteId,
      since: from.cursor,
    });
    await waitFor(() => sub.events.length >= before.length - 2);
    await door(s, f, c, 'OPEN');
    await waitFor(() => sub.events.length >= before.length - 1);
    await new Promise((r) => setTimeout(r, 200));
    const after = await log();
    expect(sub.errors).toEqual([]);
    expect(sub.events.map((e) => e.doorEvents.id)).toEqual(after.slice(2).map((e) => e.id));
    sub.dispose();
  });

  test('a forged cursor is refused as BAD_USER_INPUT', async () => {
    const sub = collect(s.ws(f.adminToken), FOLLOW, { s: f.siteId, since: 'not-a-cursor' });
    await waitFor(() => sub.errors.length > 0);
    expect(JSON.stringify(sub.errors)).toContain('BAD_USER_INPUT');
    sub.dispose();
  });
});
