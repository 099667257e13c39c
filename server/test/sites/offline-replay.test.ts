import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, scan, type Fixture } from '../support/fixtures.js';

/**
 * A site's replica and the replay of what it did while cut off: only the site's own gateway
 * reads its bags (as verifiers), each replayed event is applied once, in order, and the
 * written conflict rules hold (a code replaced meanwhile, a session ended meanwhile).
 */
const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const verifierOf = (siteId: string, code: string) =>
  sha256(`lockers-site-verifier:v1:${siteId}:${sha256(code)}`);
const errorCode = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

const REPLICA = `query { siteReplica { siteId sessions { sessionId compartmentId verifier amountDue paidUntil } } }`;
const REPLAY = `mutation($e:[OfflineRetrievalInput!]!){ replayOfflineEvents(events:$e){ id outcome conflict } }`;
const STATUS = `query($id:ID!){ session(id:$id){ status } }`;

describe('site replica and offline replay', () => {
  let s: TestServer;
  let f: Fixture;
  let other: Fixture;
  let seq = 0;

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 5 } });
    other = await createSite(s, { counts: { SMALL: 1 } });
  });
  afterAll(async () => {
    await s?.stop();
  });

  /** A bag stored through the ordinary online path. */
  async function stored(): Promise<{ id: string; code: string; compartmentId: string }> {
    const issued = await issue(s, f);
    const deposit = await scan(s, f, issued.code.payload);
    expect(deposit.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const compartmentId = deposit.compartment!.id;
    await door(s, f, compartmentId, 'OPEN');
    await door(s, f, compartmentId, 'CLOSED');
    expect(await status(issued.session.id)).toBe('STORED');
    return { id: issued.session.id, code: issued.code.payload, compartmentId };
  }
  const status = async (id: string) =>
    ok(await s.gql<{ session: { status: string } }>(STATUS, { id }, f.adminToken)).session.status;
  const event = (
    bag: { id: string; code: string; compartmentId: string },
    over: Record<string, unknown> = {},
  ) => ({
    id: randomUUID(),
    seq: seq++,
    sessionId: bag.id,
    compartmentId: bag.compartmentId,
    verifier: verifierOf(f.siteId, bag.code),
    occurredAt: new Date().toISOString(),
    pulseResult: 'SUCCEEDED',
    ...over,
  });
  const replay = (events: unknown[], token = f.gatewayToken) =>
    s.gql<{
      replayOfflineEvents: Array<{ id: string; outcome: string; conflict: string | null }>;
    }>(REPLAY, { e: events }, token);
  const alerts = async () =>
    ok(
      await s.gql<{ alerts: Array<{ type: string; message: string; session: { id: string } | null }> }>(
        `query($s:ID){ alerts(siteId:$s){ type message session { id } } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).alerts;

  test("the gateway's replica holds its stored bags as verifiers; nobody else reads it", async () => {
    const bag = await stored();
    const replica = ok(
      await s.gql<{ siteReplica: { siteId: string; sessions: Array<Record<string, unknown>> } }>(
        REPLICA,
        {},
        f.gatewayToken,
      ),
    ).siteReplica;
    expect(replica.siteId).toBe(f.siteId);
    const entry = replica.sessions.find((x) => x.sessionId === bag.id)!;
    expect(entry).toMatchObject({
      compartmentId: bag.compartmentId,
      verifier: verifierOf(f.siteId, bag.code),
      amountDue: 0,
    });
    expect(JSON.stringify(replica)).not.toContain(sha256(bag.code));
    expect(JSON.stringify(replica)).not.toContain(bag.code);
    // another site's gateway sees none of it; people and kiosks cannot ask at all
    const theirs = ok(
      await s.gql<{ siteReplica: { sessions: unknown[] } }>(REPLICA, {}, other.gatewayToken),
    ).siteReplica;
    expect(theirs.sessions).toEqual([]);
    for (const token of [f.kioskToken, f.adminToken, undefined])
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(errorCode(await s.gql(REPLICA, {}, token)));
  });

  test('a retrieval replayed twice is applied once; its door readings complete the session', async () => {
    const bag = await stored();
    const e = event(bag);
    const first = ok(await replay([e])).replayOfflineEvents;
    expect(first).toEqual([{ id: e.id, outcome: 'APPLIED', conflict: null }]);
    expect(await status(bag.id)).toBe('RETRIEVING');
    // the same event again (a gateway that crashed before noting the server's answer)
    expect(ok(await replay([e])).replayOfflineEvents).toEqual(first);
    const at = Date.parse(e.occurredAt);
    await door(s, f, bag.compartmentId, 'OPEN', new Date(at + 50));
    await new Promise((r) => setTimeout(r, 100)); // the door readings come after the pulse
    await door(s, f, bag.compartmentId, 'CLOSED', new Date());
    expect(await status(bag.id)).toBe('COMPLETED');
    const events = ok(
      await s.gql<{ siteOfflineEvents: Array<{ id: string }> }>(
        `query($s:ID){ siteOfflineEvents(siteId:$s){ id } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).siteOfflineEvents;
    expect(events.filter((x) => x.id === e.id)).toHaveLength(1);
    // an opening the site caused is expected, never a forced door
    expect((await alerts()).filter((a) => a.type === 'DOOR_FORCED')).toEqual([]);
  });

  test('door readings journalled with the retrieval complete it, however often replayed', async () => {
    const bag = await stored();
    await new Promise((r) => setTimeout(r, 20));
    const at = Date.now();
    const e = event(bag, {
      occurredAt: new Date(at).toISOString(),
      doorOpenedAt: new Date(at + 40).toISOString(),
      doorClosedAt: new Date(at + 80).toISOString(),
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(ok(await replay([e])).replayOfflineEvents[0]).toMatchObject({ outcome: 'APPLIED' });
    expect(await status(bag.id)).toBe('COMPLETED');
    expect(ok(await replay([e])).replayOfflineEvents[0]).toMatchObject({ outcome: 'APPLIED' });
    expect(await status(bag.id)).toBe('COMPLETED');
    const { session } = ok(
      await s.gql<{ session: { events: Array<{ type: string }> } }>(
        `query($id:ID!){ session(id:$id){ events { type } } }`,
        { id: bag.id },
        f.adminToken,
      ),
    );
    expect(session.events.filter((d) => d.type === 'OPENED')).toHaveLength(2); // the deposit's and this one
    expect(session.events.filter((d) => d.type === 'FORCED_OPEN')).toHaveLength(0);
  });

  test('a code replaced on the server meanwhile: the retrieval stands, operators are told', async () => {
    const bag = await stored();
    ok(
      await s.gql(
        `mutation($id:ID!){ regenerateAccessCode(sessionId:$id, reason:"lost"){ session { id } } }`,
        { id: bag.id },
        f.adminToken,
      ),
    );
    const result = ok(await replay([event(bag)])).replayOfflineEvents;
    expect(result[0]).toMatchObject({ outcome: 'APPLIED_WITH_CONFLICT', conflict: 'CODE_REPLACED' });
    expect(await status(bag.id)).toBe('RETRIEVING');
    const conflict = (await alerts()).find((a) => a.type === 'OFFLINE_CONFLICT' && a.session?.id === bag.id);
    // the time on the site's wall clock, not raw UTC
    expect(conflict?.message).toMatch(/while offline \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(Europe\/Berlin\)\)/);
  });

  test('a session ended by staff meanwhile stays ended; a failed pulse changes nothing', async () => {
    const ended = await stored();
    ok(
      await s.gql(
        `mutation($id:ID!){ endSession(sessionId:$id, reason:"handed over"){ id } }`,
        { id: ended.id },
        f.adminToken,
      ),
    );
    const [r] = ok(await replay([event(ended)])).replayOfflineEvents;
    expect(r).toMatchObject({ outcome: 'APPLIED_WITH_CONFLICT', conflict: 'SESSION_ENDED' });
    expect(await status(ended.id)).toBe('COMPLETED');

    const kept = await stored();
    const [n] = ok(await replay([event(kept, { pulseResult: 'FAILED' })])).replayOfflineEvents;
    expect(n).toMatchObject({ outcome: 'NOT_OPENED', conflict: null });
    expect(await status(kept.id)).toBe('STORED');
  });

  test('bad events are refused with a typed error', async () => {
    const bag = {
      id: randomUUID(),
      code: 'LK1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      compartmentId: f.compartments[0]!.id,
    };
    expect(errorCode(await replay([event(bag, { verifier: 'not-hex' })]))).toBe('BAD_USER_INPUT');
    expect(errorCode(await replay([event(bag, { seq: -1 })]))).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await replay([event(bag, { occurredAt: new Date(Date.now() + 3600_000).toISOString() })])),
    ).toBe('BAD_USER_INPUT');
    // another gateway's compartment
    expect(errorCode(await replay([event({ ...bag, compartmentId: other.compartments[0]!.id })]))).toBe(
      'BAD_USER_INPUT',
    );
    // a place in the journal already taken by another event
    const taken = seq - 1;
    expect(errorCode(await replay([event(bag, { seq: 0 })]))).toBe('BAD_USER_INPUT');
    expect(taken).toBeGreaterThan(0);
    // only a gateway replays
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(errorCode(await replay([event(bag)], f.kioskToken)));
  });
});
