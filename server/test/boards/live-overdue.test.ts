import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { collect, createSite, door, issue, ok, scan, waitFor, type Fixture } from '../support/fixtures.js';
import { ManualClock } from '../../src/shared/clock.js';

const MIN = 60_000;
type Update = {
  compartmentUpdated: { id: string; version: number; currentSession: { overdue: boolean } | null };
};

describe('a board hears when a stored bag becomes overdue', () => {
  let s: TestServer;
  let f: Fixture;
  const clock = new ManualClock(new Date());
  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, {
      counts: { SMALL: 1 },
      tariff: { includedMinutes: 60, graceMinutes: 15, securityAlertAfterMinutes: 30 },
    });
  });
  afterAll(() => s.stop());

  test('the overdue rule announces the compartment with a newer version and its session overdue', async () => {
    const issued = await issue(s, f, 'SMALL');
    const r = await scan(s, f, issued.code.payload);
    const id = r.compartment!.id;
    await door(s, f, id, 'OPEN', clock.now());
    await door(s, f, id, 'CLOSED', clock.now());
    const stored = ok(
      await s.gql<{
        site: { compartments: { id: string; version: number; currentSession: { overdue: boolean } }[] };
      }>(
        `query($s:ID!){ site(id:$s){ compartments { id version currentSession { overdue } } } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).site.compartments.find((c) => c.id === id)!;
    expect(stored.currentSession.overdue).toBe(false);

    const board = collect<Update>(
      s.ws(f.adminToken),
      `subscription($s:ID){ compartmentUpdated(siteId:$s){ id version currentSession { overdue } } }`,
      { s: f.siteId },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    clock.advance(70 * MIN); // due at 60, grace 15: not yet overdue
    await s.app.tick();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(board.events.some((e) => e.compartmentUpdated.currentSession?.overdue)).toBe(false);

    clock.advance(10 * MIN); // 80 min: overdue
    await s.app.tick();
    const event = await waitFor(() =>
      board.events.find(
        (e) => e.compartmentUpdated.id === id && e.compartmentUpdated.currentSession?.overdue,
      ),
    );
    expect(event.compartmentUpdated.version).toBeGreaterThan(stored.version);
    board.dispose();
  });
});
