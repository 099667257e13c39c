import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, door, heartbeat, issue, ok, scan, type Fixture } from '../support/fixtures.js';

const SCAN = `mutation($s:ID!,$p:String!){ scanAccessCode(siteId:$s, payload:$p, intent:RETRIEVE){ outcome message session { status } } }`;
const STATUS = `query($s:ID!,$p:String!){ sessionByAccessCode(siteId:$s,payload:$p){ status } }`;

/**
 * A site whose gateway is away cannot open anything: the traveller is told that, not that
 * every locker is taken (they would walk away from empty lockers, or queue for nothing).
 */
describe('scans while the lockers are out of touch', () => {
  let s: TestServer;
  let f: Fixture;
  const scanRaw = (payload: string) =>
    s.gql<{ scanAccessCode: { outcome: string } }>(SCAN, { s: f.siteId, p: payload }, f.kioskToken);
  const codeOf = (r: { errors?: unknown[] }) =>
    (r.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 1, MEDIUM: 1 } });
  });
  afterAll(() => s.stop());

  test('a deposit scan with free lockers and no gateway: LOCK_UNAVAILABLE, the code stays valid, it opens once the gateway is back', async () => {
    const a = await issue(s, f, 'SMALL');
    const refused = await scanRaw(a.code.payload);
    expect(codeOf(refused)).toBe('LOCK_UNAVAILABLE');
    expect((refused.errors?.[0] as { message: string }).message).toMatch(/cannot open/i);
    const after = ok(
      await s.gql<{ sessionByAccessCode: { status: string } }>(
        STATUS,
        { s: f.siteId, p: a.code.payload },
        f.kioskToken,
      ),
    );
    expect(after.sessionByAccessCode.status).toBe('CREATED');
    await heartbeat(s, f);
    expect((await scan(s, f, a.code.payload)).outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  });

  test('a size with every compartment taken is still NO_COMPARTMENT_AVAILABLE, gateway present or not', async () => {
    const first = await issue(s, f, 'MEDIUM');
    const opened = await scan(s, f, first.code.payload);
    expect(opened.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    await door(s, f, opened.compartment!.id, 'OPEN');
    await door(s, f, opened.compartment!.id, 'CLOSED');
    const second = await issue(s, f, 'MEDIUM');
    expect((await scan(s, f, second.code.payload)).outcome).toBe('NO_COMPARTMENT_AVAILABLE');
  });
});
