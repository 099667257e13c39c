import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import { createSite, door, issue, ok, scan, type Fixture } from '../support/fixtures.js';

/**
 * Deposits a site took while cut off: the replica says which compartments the site may fill
 * (free sizes, empty, in service), and a replayed deposit becomes a session the site's code
 * opens online, stored by the door readings that come with it; a compartment the server gave
 * to someone else meanwhile is a conflict for staff, never a second session in one locker.
 */
const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const verifierOf = (siteId: string, code: string) =>
  sha256(`lockers-site-verifier:v1:${siteId}:${sha256(code)}`);
const siteCode = () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `LS1:${[...randomBytes(32)].map((b) => alphabet[b % 32]).join('')}`;
};
const errorCode = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

const REPLICA = `query { siteReplica { freeCompartments { compartmentId compartmentLabel size }
  freeSizes { size includedMinutes graceMinutes } depositsAfterSeconds } }`;
const REPLAY = `mutation($e:[OfflineRetrievalInput!]!){ replayOfflineEvents(events:$e){ id outcome conflict } }`;
const SESSION = `query($id:ID!){ session(id:$id){ status size dueAt compartment { id } } }`;

describe('offline deposits', () => {
  let s: TestServer;
  let f: Fixture;
  let seq = 0;

  beforeAll(async () => {
    s = await startTestServer();
    // SMALL free, MEDIUM paid: only SMALL may be taken offline
    f = await createSite(s, { counts: { SMALL: 3, MEDIUM: 2 }, prices: { MEDIUM: 500 } });
  });
  afterAll(async () => {
    await s?.stop();
  });

  const replica = async () =>
    ok(
      await s.gql<{
        siteReplica: {
          freeCompartments: Array<{ compartmentId: string; compartmentLabel: string; size: string }>;
          freeSizes: Array<{ size: string; includedMinutes: number; graceMinutes: number }>;
          depositsAfterSeconds: number;
        };
      }>(REPLICA, {}, f.gatewayToken),
    ).siteReplica;
  const session = async (id: string) =>
    (
      await s.gql<{
        session: {
          status: string;
          size: string;
          dueAt: string | null;
          compartment: { id: string } | null;
        } | null;
      }>(SESSION, { id }, f.adminToken)
    ).data?.session ?? null;
  const deposit = (compartmentId: string, code: string, over: Record<string, unknown> = {}) => {
    const at = Date.now() - 5_000;
    return {
      kind: 'DEPOSIT',
      id: randomUUID(),
      seq: seq++,
      sessionId: randomUUID(),
      compartmentId,
      verifier: verifierOf(f.siteId, code),
      codeHash: sha256(code),
      language: 'de',
      occurredAt: new Date(at).toISOString(),
      pulseResult: 'SUCCEEDED',
      doorOpenedAt: new Date(at + 800).toISOString(),
      doorClosedAt: new Date(at + 3_000).toISOString(),
      ...over,
    };
  };
  const replay = (events: unknown[]) =>
    s.gql<{ replayOfflineEvents: Array<{ id: string; outcome: string; conflict: string | null }> }>(
      REPLAY,
      { e: events },
      f.gatewayToken,
    );

  test('the replica offers the free size only, its empty compartments, and the safety delay', async () => {
    const r = await replica();
    expect(r.freeSizes).toEqual([{ size: 'SMALL', includedMinutes: 60, graceMinutes: 15 }]);
    expect(r.freeCompartments.map((c) => c.size)).toEqual(['SMALL', 'SMALL', 'SMALL']);
    // presence expiry (10 s) + the site's unlock expiry (10 s) + margin
    expect(r.depositsAfterSeconds).toBeGreaterThanOrEqual(20);
    // a compartment held by a session is not free any more
    const issued = await issue(s, f);
    const held = await scan(s, f, issued.code.payload);
    expect(held.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    expect((await replica()).freeCompartments.map((c) => c.compartmentId)).not.toContain(
      held.compartment!.id,
    );
    await door(s, f, held.compartment!.id, 'OPEN');
    await door(s, f, held.compartment!.id, 'CLOSED');
  });

  test('a replayed deposit is stored by its door readings, once, and its code opens it online', async () => {
    const [free] = (await replica()).freeCompartments;
    const code = siteCode();
    const e = deposit(free!.compartmentId, code);
    expect(ok(await replay([e])).replayOfflineEvents).toEqual([
      { id: e.id, outcome: 'APPLIED', conflict: null },
    ]);
    expect(ok(await replay([e])).replayOfflineEvents).toEqual([
      { id: e.id, outcome: 'APPLIED', conflict: null },
    ]);
    const stored = await session(e.sessionId);
    expect(stored).toMatchObject({
      status: 'STORED',
      size: 'SMALL',
      compartment: { id: free!.compartmentId },
    });
    // due an hour (the free size's included time) after the door closed at the site
    expect(Date.parse(stored!.dueAt!)).toBe(Date.parse(e.doorClosedAt) + 60 * 60_000);
    expect((await replica()).freeCompartments.map((c) => c.compartmentId)).not.toContain(free!.compartmentId);
    // back online, the code the site printed collects the bag through the server
    const collect = await scan(s, f, code.toLowerCase());
    expect(collect.outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    expect(collect.compartment?.id).toBe(free!.compartmentId);
    await door(s, f, free!.compartmentId, 'OPEN');
    await door(s, f, free!.compartmentId, 'CLOSED');
    expect((await session(e.sessionId))?.status).toBe('COMPLETED');
  });

  test('a compartment the server gave away meanwhile: a conflict for staff, never two sessions', async () => {
    const [free] = (await replica()).freeCompartments;
    const issued = await issue(s, f);
    const online = await scan(s, f, issued.code.payload);
    expect(online.compartment?.id).toBe(free!.compartmentId);
    const e = deposit(free!.compartmentId, siteCode());
    expect(ok(await replay([e])).replayOfflineEvents[0]).toEqual({
      id: e.id,
      outcome: 'APPLIED_WITH_CONFLICT',
      conflict: 'COMPARTMENT_TAKEN',
    });
    expect(await session(e.sessionId)).toBeNull();
    const alerts = ok(
      await s.gql<{ alerts: Array<{ type: string; compartment: { id: string } | null; message: string }> }>(
        `query($s:ID){ alerts(siteId:$s){ type compartment { id } message } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).alerts;
    expect(
      alerts.find((a) => a.type === 'OFFLINE_CONFLICT' && a.compartment?.id === free!.compartmentId)?.message,
    ).toMatch(/deposited there, but the server had given the compartment to another session/);
    // at the site's time (Berlin), not a UTC timestamp
    const conflictAlert = alerts.find((a) => a.type === 'OFFLINE_CONFLICT')!;
    expect(conflictAlert.message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const berlin = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(Date.parse(e.occurredAt)));
    expect(conflictAlert.message).toContain(berlin);
  });

  test('a failed pulse stores nothing; malformed deposits are refused and write nothing', async () => {
    const [free] = (await replica()).freeCompartments;
    const failed = deposit(free!.compartmentId, siteCode(), { pulseResult: 'FAILED' });
    expect(ok(await replay([failed])).replayOfflineEvents[0]?.outcome).toBe('NOT_OPENED');
    expect(await session(failed.sessionId)).toBeNull();
    // the verifier must be that of the code at this site: a replay cannot bind a code to another bag
    const code = siteCode();
    const mismatched = deposit(free!.compartmentId, code, { verifier: verifierOf(randomUUID(), code) });
    expect(errorCode(await replay([mismatched]))).toBe('BAD_USER_INPUT');
    const noHash = deposit(free!.compartmentId, code, { codeHash: null });
    expect(errorCode(await replay([noHash]))).toBe('BAD_USER_INPUT');
    expect(await session(mismatched.sessionId)).toBeNull();
    expect((await replica()).freeCompartments.map((c) => c.compartmentId)).toContain(free!.compartmentId);
  });
});
