import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  ACK,
  collect,
  createSite,
  door,
  issue,
  ok,
  presence,
  scan,
  scanOnly,
  waitFor,
  type Fixture,
} from '../support/fixtures.js';
import { ManualClock } from '../../src/shared/clock.js';

/**
 * Nothing the hardware did is undone by a timeout: an unlock with no ack (or an UNCERTAIN
 * one) stays open to the door's evidence, and "the door was not opened" is judged only once
 * the controller's readings cover the whole window (a server back from a restart, or a
 * gateway that was away, waits for them).
 */
describe('uncertain unlocks are settled by the door readings', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  const clock = new ManualClock(new Date());
  const status = async (id: string) =>
    ok(
      await s.gql<{ session: { status: string; compartment: { id: string } | null } }>(
        `query($id:ID!){ session(id:$id){ status compartment { id } } }`,
        { id },
        f.adminToken,
      ),
    ).session;
  const count = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows[0].n as number;
  const command = async (sessionId: string) =>
    (
      await db.query(
        `select id, result, acked_at from gateway_command where session_id = $1 order by issued_at desc limit 1`,
        [sessionId],
      )
    ).rows[0];

  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, { counts: { SMALL: 4 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    await presence(s, f, { since: new Date(clock.now().getTime() - 60_000), lastGoodReadAt: clock.now() });
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('no ack in time: UNCERTAIN, no UNLOCK_FAILED; the door that opened and closed meanwhile stores the deposit when its report arrives', async () => {
    const a = await issue(s, f);
    const r = await scan(s, f, a.code.payload);
    const opened = new Date(clock.now().getTime() + 1500);
    const closed = new Date(clock.now().getTime() + 6000);
    clock.advance(20_000); // past the 10 s ack timeout: the server was down, the ack and the reports are late
    await s.app.tick();
    expect(await command(a.session.id)).toMatchObject({ result: 'UNCERTAIN', acked_at: null });
    expect(await status(a.session.id)).toEqual({
      status: 'DEPOSITING',
      compartment: { id: r.compartment!.id },
    });
    expect(
      await count(`select count(*)::int as n from alert where type = 'UNLOCK_FAILED' and session_id = $1`, [
        a.session.id,
      ]),
    ).toBe(0);
    // the readings, as the gateway kept them, in one batch
    ok(
      await s.gql(
        `mutation($r:[DoorReport!]!){ reportDoorStates(reports:$r) }`,
        {
          r: [
            { compartmentId: r.compartment!.id, state: 'OPEN', at: opened.toISOString() },
            { compartmentId: r.compartment!.id, state: 'CLOSED', at: closed.toISOString() },
          ],
        },
        f.gatewayToken,
      ),
    );
    expect((await status(a.session.id)).status).toBe('STORED');
    expect(
      await count(
        `select count(*)::int as n from door_event where type = 'FORCED_OPEN' and compartment_id = $1`,
        [r.compartment!.id],
      ),
    ).toBe(0);
    // the late ack still lands
    ok(await s.gql(ACK, { id: (await command(a.session.id)).id, r: 'SUCCEEDED' }, f.gatewayToken));
    expect((await command(a.session.id)).result).toBe('SUCCEEDED');
  });

  test('an UNCERTAIN ack (a pulse begun before a gateway crash) fails nothing: the door opening is still expected', async () => {
    const a = await issue(s, f);
    const r = await scan(s, f, a.code.payload);
    ok(
      await s.gql(
        ACK,
        { id: (await command(a.session.id)).id, r: 'UNCERTAIN', e: 'interrupted by a gateway restart' },
        f.gatewayToken,
      ),
    );
    expect((await status(a.session.id)).status).toBe('DEPOSITING');
    clock.advance(30_000);
    await door(s, f, r.compartment!.id, 'OPEN', clock.now());
    await door(s, f, r.compartment!.id, 'CLOSED', new Date(clock.now().getTime() + 1000));
    expect((await status(a.session.id)).status).toBe('STORED');
    expect(
      await count(
        `select count(*)::int as n from alert where type in ('UNLOCK_FAILED','DOOR_FORCED') and compartment_id = $1`,
        [r.compartment!.id],
      ),
    ).toBe(0);
  });

  test('the door is judged not opened only once readings cover the whole window; stale presence (a restart) waits', async () => {
    await presence(s, f, { since: new Date(clock.now().getTime() - 60_000), lastGoodReadAt: clock.now() });
    const a = await issue(s, f);
    const r = await scan(s, f, a.code.payload);
    const started = clock.now();
    clock.advance(10 * 60_000); // far past ack timeout + deposit window (130 s), no readings since the scan
    await s.app.tick();
    await s.app.tick();
    expect(await status(a.session.id)).toEqual({
      status: 'DEPOSITING',
      compartment: { id: r.compartment!.id },
    });
    // readings up to 100 s after the scan: still inside the window, nothing judged
    await presence(s, f, {
      since: new Date(started.getTime() - 60_000),
      lastGoodReadAt: new Date(started.getTime() + 100_000),
    });
    await s.app.tick();
    expect((await status(a.session.id)).status).toBe('DEPOSITING');
    // readings past the window's end, unbroken since before the scan: the door never opened
    await presence(s, f, {
      since: new Date(started.getTime() - 60_000),
      lastGoodReadAt: new Date(started.getTime() + 131_000),
    });
    await s.app.tick();
    expect(await status(a.session.id)).toEqual({ status: 'CREATED', compartment: null });
  });

  test('a break in the readings during the window (gateway restarted, controller down) is not taken as "never opened": unconfirmed, inspected', async () => {
    const a = await issue(s, f);
    const r = await scan(s, f, a.code.payload);
    const started = clock.now();
    clock.advance(5 * 60_000);
    // readings up again, but only since after the scan: the door may have cycled while nobody read it
    await presence(s, f, {
      since: new Date(started.getTime() + 20_000),
      lastGoodReadAt: new Date(started.getTime() + 100_000),
    });
    await s.app.tick();
    expect(await status(a.session.id)).toEqual({
      status: 'DEPOSITING',
      compartment: { id: r.compartment!.id },
    });
    await presence(s, f, { since: new Date(started.getTime() + 20_000), lastGoodReadAt: clock.now() });
    await s.app.tick();
    expect(await status(a.session.id)).toEqual({ status: 'CREATED', compartment: null });
    const c = (
      await db.query(`select status, inspection_reason from compartment where id = $1`, [r.compartment!.id])
    ).rows[0];
    expect(c).toEqual({
      status: 'NEEDS_INSPECTION',
      inspection_reason: 'the door readings have a break during the deposit window',
    });
    expect(
      await count(`select count(*)::int as n from alert where type = 'UNLOCK_FAILED' and session_id = $1`, [
        a.session.id,
      ]),
    ).toBe(1);
  });
});

describe('door rules judge by reading time', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  const clock = new ManualClock(new Date());
  const leftOpen = async () =>
    (await db.query(`select count(*)::int as n from alert where type = 'DOOR_LEFT_OPEN'`)).rows[0]
      .n as number;

  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, { counts: { SMALL: 24 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('a door whose CLOSED reading is still on its way is not left open; one still open at the deadline is', async () => {
    const [a, b] = f.compartments;
    const t0 = clock.now();
    await presence(s, f, { since: new Date(t0.getTime() - 60_000), lastGoodReadAt: t0 });
    await door(s, f, a!.id, 'OPEN', t0);
    await door(s, f, b!.id, 'OPEN', t0);
    // 2 minutes pass at the server; the gateway read a closing at +5 s but could not deliver it yet
    clock.advance(125_000);
    await s.app.tick();
    expect(await leftOpen()).toBe(0);
    // the gateway is back: a closed at +5 s, then the full state (b still open at +124 s); readings cover up to +124 s
    ok(
      await s.gql(
        `mutation($r:[DoorReport!]!,$c:[ControllerLinkInput!]){ reportDoorStates(reports:$r, controllers:$c) }`,
        {
          r: [
            { compartmentId: a!.id, state: 'CLOSED', at: new Date(t0.getTime() + 5000).toISOString() },
            { compartmentId: b!.id, state: 'OPEN', at: new Date(t0.getTime() + 124_000).toISOString() },
          ],
          c: [
            {
              endpoint: 'tcp://127.0.0.1:5020',
              up: true,
              since: new Date(t0.getTime() - 60_000).toISOString(),
              lastGoodReadAt: new Date(t0.getTime() + 124_000).toISOString(),
            },
          ],
        },
        f.gatewayToken,
      ),
    );
    await s.app.tick();
    expect(await leftOpen()).toBe(1);
    expect(
      (await db.query(`select compartment_id from alert where type = 'DOOR_LEFT_OPEN'`)).rows.map(
        (r) => r.compartment_id,
      ),
    ).toEqual([b!.id]);
  });

  test('a burst of 24 door changes in one batch is applied in reading order in one go: no false alert', async () => {
    const t0 = clock.now();
    const reports = f.compartments.slice(2, 14).flatMap((c, i) => [
      { compartmentId: c.id, state: 'OPEN', at: new Date(t0.getTime() + i * 10).toISOString() },
      { compartmentId: c.id, state: 'CLOSED', at: new Date(t0.getTime() + 1000 + i * 10).toISOString() },
    ]);
    // sent out of order: the server sorts by reading time
    ok(
      await s.gql(
        `mutation($r:[DoorReport!]!,$c:[ControllerLinkInput!]){ reportDoorStates(reports:$r, controllers:$c) }`,
        {
          r: [...reports].reverse(),
          c: [
            {
              endpoint: 'tcp://127.0.0.1:5020',
              up: true,
              since: new Date(t0.getTime() - 60_000).toISOString(),
              lastGoodReadAt: new Date(t0.getTime() + 2000).toISOString(),
            },
          ],
        },
        f.gatewayToken,
      ),
    );
    const states = (
      await db.query(`select door_state from compartment where id = any($1)`, [
        f.compartments.slice(2, 14).map((c) => c.id),
      ])
    ).rows.map((r) => r.door_state);
    expect(states).toEqual(states.map(() => 'CLOSED'));
    clock.advance(10 * 60_000);
    await presence(s, f, { since: new Date(t0.getTime() - 60_000), lastGoodReadAt: clock.now() });
    await s.app.tick();
    expect(await leftOpen()).toBe(1); // b's, from before
    expect(
      (await db.query(`select count(*)::int as n from door_event where type = 'FORCED_OPEN'`)).rows[0].n,
    ).toBe(14); // a, b and the 12: no unlock was asked for
  });
});

/**
 * A command that expired before it reached the gateway (the server restarted and took scans
 * while the gateway was still backing off) was never executed: the gateway's journal says so
 * and a gateway never runs an expired command. The server therefore hands every unanswered
 * command to a gateway that (re)connects, expired or not; the gateway's answer settles it at
 * once, instead of leaving the traveller at a door that is "opening" for the whole window.
 */
describe('an unlock that never reached the gateway', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  const clock = new ManualClock(new Date());
  const sessionStatus = async (id: string) =>
    (await db.query(`select status from storage_session where id = $1`, [id])).rows[0].status as string;
  const commandsOf = async (sessionId: string) =>
    (
      await db.query(
        `select id, result, acked_at from gateway_command where session_id = $1 order by issued_at`,
        [sessionId],
      )
    ).rows as Array<{ id: string; result: string | null; acked_at: Date | null }>;

  /** A bag stored in a compartment: deposit scan, ack, door open and shut. */
  async function stored() {
    const a = await issue(s, f);
    const r = await scan(s, f, a.code.payload);
    const [deposit] = await commandsOf(a.session.id);
    ok(await s.gql(ACK, { id: deposit!.id, r: 'SUCCEEDED' }, f.gatewayToken));
    await door(s, f, r.compartment!.id, 'OPEN', clock.now());
    await door(s, f, r.compartment!.id, 'CLOSED', new Date(clock.now().getTime() + 1000));
    expect(await sessionStatus(a.session.id)).toBe('STORED');
    return { ...a, compartmentId: r.compartment!.id };
  }

  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, { counts: { SMALL: 4 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    await presence(s, f, { since: new Date(clock.now().getTime() - 60_000), lastGoodReadAt: clock.now() });
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('is handed to the gateway when it connects; its "expired" answer puts the bag back to STORED and the next scan opens', async () => {
    const bag = await stored();
    expect((await scan(s, f, bag.code.payload)).outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    const [, retrieval] = await commandsOf(bag.session.id);
    // no gateway listening, and the command's 10 s pass
    clock.advance(15_000);
    await s.app.tick();
    expect((await commandsOf(bag.session.id))[1]).toMatchObject({ result: 'UNCERTAIN', acked_at: null });
    expect((await scanOnly(s, f, bag.code.payload)).outcome).toBe('BUSY');
    // the gateway connects: the unanswered command is among what it is handed
    const feed = collect<{ gatewayCommands: { id: string; expiresAt: string } }>(
      s.ws(f.gatewayToken),
      `subscription { gatewayCommands { id expiresAt } }`,
    );
    try {
      await waitFor(() => feed.events.some((e) => e.gatewayCommands.id === retrieval!.id));
      // it never ran an expired command: it says so, and the traveller can scan again
      ok(
        await s.gql(
          ACK,
          { id: retrieval!.id, r: 'FAILED', e: 'expired before it could be executed' },
          f.gatewayToken,
        ),
      );
      expect(await sessionStatus(bag.session.id)).toBe('STORED');
      expect((await scan(s, f, bag.code.payload)).outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    } finally {
      feed.dispose();
    }
  });

  test('a late FAILED answer of an older unlock does not undo the operation a newer scan started', async () => {
    const bag = await stored();
    expect((await scan(s, f, bag.code.payload)).outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    const started = clock.now();
    clock.advance(140_000); // past ack timeout and window; readings cover it: "not opened"
    await presence(s, f, {
      since: new Date(started.getTime() - 60_000),
      lastGoodReadAt: clock.now(),
    });
    await s.app.tick();
    expect(await sessionStatus(bag.session.id)).toBe('STORED');
    expect((await scan(s, f, bag.code.payload)).outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    const [, older, newer] = await commandsOf(bag.session.id);
    ok(
      await s.gql(
        ACK,
        { id: older!.id, r: 'FAILED', e: 'expired before it could be executed' },
        f.gatewayToken,
      ),
    );
    // the newer unlock still stands: the traveller's door opens and the bag is collected
    expect(await sessionStatus(bag.session.id)).toBe('RETRIEVING');
    ok(await s.gql(ACK, { id: newer!.id, r: 'SUCCEEDED' }, f.gatewayToken));
    await door(s, f, bag.compartmentId, 'OPEN', clock.now());
    await door(s, f, bag.compartmentId, 'CLOSED', new Date(clock.now().getTime() + 1000));
    expect(await sessionStatus(bag.session.id)).toBe('COMPLETED');
    expect(
      (
        await db.query(
          `select count(*)::int as n from door_event where type = 'FORCED_OPEN' and compartment_id = $1`,
          [bag.compartmentId],
        )
      ).rows[0].n,
    ).toBe(0);
  });
});
