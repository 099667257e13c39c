import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, scan, type Fixture } from '../support/fixtures.js';
import { ManualClock } from '../../src/shared/clock.js';

const MIN = 60_000;

/** "2026-12-05 00:57:59" in `timeZone`: how an operator there reads the time. */
function wall(at: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

describe('alert texts give times in the site’s zone, not raw UTC', () => {
  let s: TestServer;
  let f: Fixture;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, {
      counts: { SMALL: 1 },
      tariff: { includedMinutes: 60, overduePerHour: 200, graceMinutes: 15, securityAlertAfterMinutes: 30 },
    });
    ok(
      await s.gql(
        `mutation($s:ID!){ updateSite(id:$s, timezone:"Asia/Tokyo"){ id } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    );
  });
  afterAll(async () => {
    await s.stop();
  });

  test('an OVERDUE alert on a Tokyo site says when in Tokyo time', async () => {
    const issued = await issue(s, f, 'SMALL');
    const r = await scan(s, f, issued.code.payload);
    await door(s, f, r.compartment!.id, 'OPEN', clock.now());
    await door(s, f, r.compartment!.id, 'CLOSED', clock.now());
    const { session } = ok(
      await s.gql<{ session: { dueAt: string } }>(
        `query($id:ID!){ session(id:$id){ dueAt } }`,
        { id: issued.session.id },
        f.adminToken,
      ),
    );
    clock.advance(80 * MIN);
    await s.app.tick();
    await s.app.tick();
    const { alerts } = ok(
      await s.gql<{ alerts: { type: string; message: string }[] }>(
        `query($s:ID!){ alerts(siteId:$s){ type message } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    );
    const overdue = alerts.find((a) => a.type === 'OVERDUE');
    expect(overdue?.message).toBe(
      `Storage is overdue since ${wall(new Date(session.dueAt), 'Asia/Tokyo')} (Asia/Tokyo)`,
    );
    expect(overdue?.message).not.toMatch(/\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
  });
});
