import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import { createSite, login, ok, type Fixture } from '../support/fixtures.js';

/**
 * The size guide: an admin sets each bank's inside dimensions per size; travellers (no token)
 * see, per size, what every open bank's compartments of that size have at least.
 */
const SET = `mutation($b:ID!,$z:CompartmentSize!,$w:Int,$h:Int,$d:Int){
  setBankSizeDimensions(bankId:$b, size:$z, widthCm:$w, heightCm:$h, depthCm:$d){ id sizeDimensions { size widthCm heightCm depthCm } } }`;
const GUIDE = `query($s:ID!){ site(id:$s){ availability { size dimensions { widthCm heightCm depthCm } } } }`;
const errorOf = (r: GqlResult) => r.errors?.[0]?.extensions;

describe('size guide', () => {
  let s: TestServer;
  let f: Fixture;
  let bankA: string;
  let bankB: string;

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s, { counts: { SMALL: 1, MEDIUM: 1 } });
    bankA = ok(
      await s.gql<{ site: { banks: { id: string }[] } }>(
        `query($s:ID!){ site(id:$s){ banks { id } } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).site.banks[0]!.id;
    bankB = ok(
      await s.gql<{ createLockerBank: { id: string } }>(
        `mutation($s:ID!){ createLockerBank(siteId:$s,label:"B",modbusEndpoint:"tcp://127.0.0.1:5021",
          compartments:[{label:"B01",size:SMALL,unitId:1,coil:0,doorInput:0}]){ id } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).createLockerBank.id;
  });
  afterAll(async () => {
    await s?.stop();
  });

  const guide = async () =>
    Object.fromEntries(
      ok(
        await s.gql<{ site: { availability: { size: string; dimensions: unknown }[] } }>(GUIDE, {
          s: f.siteId,
        }),
      ).site.availability.map((a) => [a.size, a.dimensions]),
    );

  test('travellers see the smallest inside measures of a size across banks, at once after a change', async () => {
    expect(await guide()).toEqual({ SMALL: null, MEDIUM: null });
    const set = ok(
      await s.gql<{ setBankSizeDimensions: { sizeDimensions: unknown[] } }>(
        SET,
        { b: bankA, z: 'SMALL', w: 45, h: 35, d: 55 },
        f.adminToken,
      ),
    ).setBankSizeDimensions;
    expect(set.sizeDimensions).toEqual([{ size: 'SMALL', widthCm: 45, heightCm: 35, depthCm: 55 }]);
    expect((await guide()).SMALL).toEqual({ widthCm: 45, heightCm: 35, depthCm: 55 });

    ok(await s.gql(SET, { b: bankB, z: 'SMALL', w: 50, h: 30, d: 60 }, f.adminToken));
    expect((await guide()).SMALL).toEqual({ widthCm: 45, heightCm: 30, depthCm: 55 });

    // cleared in bank B: bank A's measures alone again
    ok(await s.gql(SET, { b: bankB, z: 'SMALL' }, f.adminToken));
    expect((await guide()).SMALL).toEqual({ widthCm: 45, heightCm: 35, depthCm: 55 });
    expect((await guide()).MEDIUM).toBeNull();
  });

  test('measures are whole centimetres in bounds, all three together', async () => {
    for (const [vars, field] of [
      [{ w: 4, h: 35, d: 55 }, 'widthCm'],
      [{ w: 45, h: 301, d: 55 }, 'heightCm'],
      [{ w: 45, h: 35 }, 'depthCm'],
    ] as const) {
      const r = await s.gql(SET, { b: bankA, z: 'MEDIUM', ...vars }, f.adminToken);
      expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await guide()).MEDIUM).toBeNull();
  });

  test('only set-up rights change the guide', async () => {
    ok(
      await s.gql(
        `mutation{ createUser(email:"op-guide@example.com", password:"a-long-password", role:OPERATOR){ id } }`,
        {},
        f.adminToken,
      ),
    );
    const operator = await login(s, 'op-guide@example.com', 'a-long-password');
    const vars = { b: bankA, z: 'MEDIUM', w: 60, h: 40, d: 60 };
    expect(errorOf(await s.gql(SET, vars, operator))?.code).toBe('FORBIDDEN');
    expect(errorOf(await s.gql(SET, vars, f.kioskToken))?.code).toBe('FORBIDDEN');
    expect(errorOf(await s.gql(SET, vars))?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    expect((await guide()).MEDIUM).toBeNull();
  });
});
