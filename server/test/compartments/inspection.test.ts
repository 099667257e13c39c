import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  ACK,
  createSite,
  door,
  issue,
  login,
  ok,
  presence,
  scan,
  type Fixture,
} from '../support/fixtures.js';
import { ManualClock } from '../../src/shared/clock.js';
import { COMPARTMENT_TRANSITIONS } from '../../src/modules/compartments/compartment.state.js';

/**
 * A compartment whose contents are in doubt is NEEDS_INSPECTION: never allocated until
 * staff record an inspection. Entered on a forced door, a door left open with no session,
 * a failed, jammed or unconfirmed unlock, and a staff end without the door cycle.
 */
describe('compartments that need an inspection', () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  let operator: string;
  let viewer: string;
  const clock = new ManualClock(new Date());
  const compartment = async (id: string) =>
    ok(
      await s.gql<{
        site: {
          compartments: {
            id: string;
            status: string;
            inspectionReason: string | null;
            inspections: { outcome: string; note: string; actor: string }[];
          }[];
        };
      }>(
        `query($s:ID!){ site(id:$s){ compartments { id status inspectionReason inspections { outcome note actor } } } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).site.compartments.find((c) => c.id === id)!;
  const commandOf = async (sessionId: string) =>
    (
      await db.query(`select id from gateway_command where session_id = $1 order by issued_at desc limit 1`, [
        sessionId,
      ])
    ).rows[0].id as string;
  const inspect = (token: string, id: string, outcome: string, note?: string) =>
    s.gql<{ recordCompartmentInspection: { status: string } }>(
      `mutation($c:ID!,$o:InspectionOutcome!,$n:String){ recordCompartmentInspection(compartmentId:$c, outcome:$o, note:$n){ status } }`,
      { c: id, o: outcome, n: note ?? null },
      token,
    );

  beforeAll(async () => {
    s = await startTestServer({ clock });
    f = await createSite(s, { counts: { SMALL: 3, MEDIUM: 2 }, prices: { MEDIUM: 400 } });
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
    for (const [email, role] of [
      ['op@example.com', 'OPERATOR'],
      ['view@example.com', 'VIEWER'],
    ] as const) {
      ok(
        await s.gql(
          `mutation($e:String!,$r:Role!){ createUser(email:$e, password:"password-123456", role:$r){ id } }`,
          { e: email, r: role },
          f.adminToken,
        ),
      );
    }
    operator = await login(s, 'op@example.com', 'password-123456');
    viewer = await login(s, 'view@example.com', 'password-123456');
  });
  afterAll(async () => {
    await db.end();
    await s.stop();
  });

  test('the table: NEEDS_INSPECTION is left only by an inspection or for out of service', () => {
    expect(COMPARTMENT_TRANSITIONS.NEEDS_INSPECTION).toEqual({
      AVAILABLE: ['inspected'],
      OUT_OF_SERVICE: ['inspected', 'out-of-service'],
    });
    expect(
      Object.entries(COMPARTMENT_TRANSITIONS)
        .filter(([, to]) => 'RESERVED' in to)
        .map(([from]) => from),
    ).toEqual(['AVAILABLE']);
  });

  test('a jammed (FAILED) unlock: UNLOCK_FAILED with the compartment, it goes to inspection, a re-scan gets another of the size without paying again', async () => {
    const a = await issue(s, f, 'MEDIUM');
    expect((await scan(s, f, a.code.payload)).outcome).toBe('PAYMENT_REQUIRED');
    const p = ok(
      await s.gql<{ createPayment: { id: string } }>(
        `mutation($id:ID!){ createPayment(sessionId:$id){ id } }`,
        { id: a.session.id },
        f.kioskToken,
      ),
    ).createPayment;
    ok(
      await s.gql(
        `mutation($id:ID!){ confirmDemoPayment(paymentId:$id, outcome:APPROVE){ status } }`,
        { id: p.id },
        f.kioskToken,
      ),
    );
    const first = await scan(s, f, a.code.payload);
    expect(first.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    ok(
      await s.gql(ACK, { id: await commandOf(a.session.id), r: 'FAILED', e: 'lock jammed' }, f.gatewayToken),
    );
    const jammed = await compartment(first.compartment!.id);
    expect(jammed.status).toBe('NEEDS_INSPECTION');
    expect(jammed.inspectionReason).toMatch(/unlock failed: lock jammed/);
    const alert = (
      await db.query(
        `select compartment_id, session_id from alert where type = 'UNLOCK_FAILED' and session_id = $1`,
        [a.session.id],
      )
    ).rows;
    expect(alert).toEqual([{ compartment_id: first.compartment!.id, session_id: a.session.id }]);
    const again = await scan(s, f, a.code.payload);
    expect(again.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    expect(again.compartment!.id).not.toBe(first.compartment!.id);
    expect(
      (await db.query(`select count(*)::int as n from payment where session_id = $1`, [a.session.id])).rows[0]
        .n,
    ).toBe(1);
    // the only other MEDIUM is now taken and the jammed one is never allocated (nor is payment asked for)
    const b = await issue(s, f, 'MEDIUM');
    expect((await scan(s, f, b.code.payload)).outcome).toBe('NO_COMPARTMENT_AVAILABLE');
    // staff look: a VIEWER may not record it; an OPERATOR does, with a note
    expect((await inspect(viewer, jammed.id, 'EMPTY')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      ok(await inspect(operator, jammed.id, 'OUT_OF_SERVICE', 'lock bolt bent')).recordCompartmentInspection
        .status,
    ).toBe('OUT_OF_SERVICE');
    const after = await compartment(jammed.id);
    expect(after.inspections).toEqual([
      { outcome: 'OUT_OF_SERVICE', note: 'lock bolt bent', actor: 'user:op@example.com' },
    ]);
    const trail = (
      await db.query(
        `select from_status, to_status, trigger from compartment_transition where compartment_id = $1 order by id`,
        [jammed.id],
      )
    ).rows;
    expect(trail).toEqual([
      { from_status: 'AVAILABLE', to_status: 'RESERVED', trigger: 'allocated' },
      { from_status: 'RESERVED', to_status: 'NEEDS_INSPECTION', trigger: 'unlock-failed' },
      { from_status: 'NEEDS_INSPECTION', to_status: 'OUT_OF_SERVICE', trigger: 'inspected' },
    ]);
  });

  test('a forced door and a door left open with no session: inspection; cleared by EMPTY / ITEM_FOUND (with a note)', async () => {
    const [x, y] = f.compartments.filter((c) => c.size === 'SMALL');
    await presence(s, f, { since: new Date(clock.now().getTime() - 60_000), lastGoodReadAt: clock.now() });
    await door(s, f, x!.id, 'OPEN', clock.now());
    expect((await compartment(x!.id)).status).toBe('NEEDS_INSPECTION');
    expect((await compartment(x!.id)).inspectionReason).toBe('door forced open');
    expect((await inspect(operator, x!.id, 'ITEM_FOUND')).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      ok(await inspect(operator, x!.id, 'ITEM_FOUND', 'umbrella, to lost property LP-12'))
        .recordCompartmentInspection.status,
    ).toBe('AVAILABLE');
    await door(s, f, x!.id, 'CLOSED', clock.now());
    expect((await inspect(operator, x!.id, 'EMPTY')).errors?.[0]?.extensions?.code).toBe('CONFLICT'); // not waiting for one

    // y: opened by staff (remote open, expected), then left open past the site's limit
    ok(
      await s.gql(
        `mutation($c:ID!){ operatorOpenCompartment(compartmentId:$c, reason:"cleaning"){ id } }`,
        { c: y!.id },
        f.adminToken,
      ),
    );
    await door(s, f, y!.id, 'OPEN', clock.now());
    expect((await compartment(y!.id)).status).toBe('AVAILABLE');
    clock.advance(121_000);
    await presence(s, f, { since: new Date(clock.now().getTime() - 300_000), lastGoodReadAt: clock.now() });
    await s.app.tick();
    expect((await compartment(y!.id)).status).toBe('NEEDS_INSPECTION');
    await door(s, f, y!.id, 'CLOSED', clock.now());
    expect(ok(await inspect(f.adminToken, y!.id, 'EMPTY')).recordCompartmentInspection.status).toBe(
      'AVAILABLE',
    );
  });

  test('staff end of a STORED session (no door cycle): inspection; of a retrieval whose door opened: available', async () => {
    const a = await issue(s, f, 'SMALL');
    const r = await scan(s, f, a.code.payload);
    await door(s, f, r.compartment!.id, 'OPEN', clock.now());
    await door(s, f, r.compartment!.id, 'CLOSED', clock.now());
    const end = (id: string) =>
      s.gql(
        `mutation($id:ID!){ endSession(sessionId:$id, reason:"traveller lost the code") { status } }`,
        { id },
        operator,
      );
    ok(await end(a.session.id));
    expect((await compartment(r.compartment!.id)).status).toBe('NEEDS_INSPECTION');
    expect((await compartment(r.compartment!.id)).inspectionReason).toMatch(
      /ended by staff without its door cycle/,
    );
    ok(await inspect(operator, r.compartment!.id, 'ITEM_FOUND', 'suitcase handed to its owner'));

    const b = await issue(s, f, 'SMALL');
    const rb = await scan(s, f, b.code.payload);
    await door(s, f, rb.compartment!.id, 'OPEN', clock.now());
    await door(s, f, rb.compartment!.id, 'CLOSED', clock.now());
    expect((await scan(s, f, b.code.payload)).outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    await door(s, f, rb.compartment!.id, 'OPEN', clock.now());
    ok(await end(b.session.id));
    expect((await compartment(rb.compartment!.id)).status).toBe('AVAILABLE');
    await door(s, f, rb.compartment!.id, 'CLOSED', clock.now());
  });

  test('unlocked but the door never opened in the window: inspection and an alert (a jam the traveller cannot tell)', async () => {
    const a = await issue(s, f, 'SMALL');
    const r = await scan(s, f, a.code.payload);
    const started = clock.now();
    ok(await s.gql(ACK, { id: await commandOf(a.session.id), r: 'SUCCEEDED' }, f.gatewayToken));
    clock.advance(131_000);
    await presence(s, f, { since: new Date(started.getTime() - 1000), lastGoodReadAt: clock.now() });
    await s.app.tick();
    expect((await compartment(r.compartment!.id)).status).toBe('NEEDS_INSPECTION');
    const alerts = (
      await db.query(`select message from alert where type = 'UNLOCK_FAILED' and session_id = $1`, [
        a.session.id,
      ])
    ).rows;
    expect(alerts).toHaveLength(1);
    expect(alerts[0].message).toMatch(/may be jammed/);
    expect((await scan(s, f, a.code.payload)).compartment?.id).not.toBe(r.compartment!.id);
  });
});
