import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type GqlResult, type TestServer } from '../support/test-server.js';
import {
  createSite,
  door,
  heartbeat,
  issue,
  login,
  ok,
  scan,
  ISSUE,
  type Fixture,
} from '../support/fixtures.js';

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

interface SiteRead {
  site: {
    retiredAt: string | null;
    availability: { size: string; free: number; total: number; tariff: { id: string } | null }[];
    tariffs: { size: string; retiredAt: string | null }[];
    banks: { id: string; label: string; modbusEndpoint: string; retiredAt: string | null }[];
    compartments: { id: string; label: string; size: string; status: string }[];
  };
}
const READ = `query($s:ID!){ site(id:$s){ retiredAt availability { size free total tariff { id } }
  tariffs { size retiredAt } banks { id label modbusEndpoint retiredAt } compartments { id label size status } } }`;

describe('editing and retiring sites, banks, compartments and tariffs', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.stop();
  });
  const read = async (f: Fixture) => ok(await s.gql<SiteRead>(READ, { s: f.siteId }, f.adminToken)).site;

  /** Stores a bag in a compartment of `size`; returns the compartment's id. */
  async function store(f: Fixture, size = 'SMALL'): Promise<string> {
    const { code: c } = await issue(s, f, size);
    const r = await scan(s, f, c.payload);
    expect(r.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const id = r.compartment!.id;
    await door(s, f, id, 'OPEN');
    await door(s, f, id, 'CLOSED', new Date(Date.now() + 10));
    return id;
  }

  test('updateLockerBank and updateCompartment correct labels, addressing and size', async () => {
    const f = await createSite(s, { counts: { SMALL: 2, MEDIUM: 1 } });
    const bank = (await read(f)).banks[0]!;
    const edited = ok(
      await s.gql<{ updateLockerBank: { label: string; modbusEndpoint: string } }>(
        `mutation($b:ID!){ updateLockerBank(bankId:$b, label:"North", modbusEndpoint:"tcp://127.0.0.1:5021"){ label modbusEndpoint } }`,
        { b: bank.id },
        f.adminToken,
      ),
    ).updateLockerBank;
    expect(edited).toEqual({ label: 'North', modbusEndpoint: 'tcp://127.0.0.1:5021' });
    const [a, b] = f.compartments;
    const c = ok(
      await s.gql<{ updateCompartment: { label: string; size: string; modbus: { coil: number } } }>(
        `mutation($c:ID!){ updateCompartment(compartmentId:$c, label:"N01", size:LARGE, coil:200, doorInput:200){ label size modbus { coil } } }`,
        { c: a!.id },
        f.adminToken,
      ),
    ).updateCompartment;
    expect(c).toEqual({ label: 'N01', size: 'LARGE', modbus: { coil: 200 } });
    const dup = await s.gql(
      `mutation($c:ID!){ updateCompartment(compartmentId:$c, label:"N01"){ id } }`,
      { c: b!.id },
      f.adminToken,
    );
    expect(code(dup)).toBe('CONFLICT');
    expect((await read(f)).availability.find((x) => x.size === 'LARGE')?.total).toBe(1);
  });

  test('a compartment with a stored bag cannot be retired (nor its bank, nor its size changed); an empty one can', async () => {
    const f = await createSite(s, { counts: { SMALL: 2 } });
    const full = await store(f);
    const empty = f.compartments.find((c) => c.id !== full)!.id;
    const bankId = (await read(f)).banks[0]!.id;
    const refused = await s.gql(
      `mutation($c:ID!){ retireCompartment(compartmentId:$c){ id } }`,
      { c: full },
      f.adminToken,
    );
    expect(code(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ compartmentId: full });
    expect(
      code(await s.gql(`mutation($b:ID!){ retireLockerBank(bankId:$b){ id } }`, { b: bankId }, f.adminToken)),
    ).toBe('CONFLICT');
    expect(
      code(await s.gql(`mutation($s:ID!){ retireSite(siteId:$s){ id } }`, { s: f.siteId }, f.adminToken)),
    ).toBe('CONFLICT');
    expect(
      code(
        await s.gql(
          `mutation($c:ID!){ updateCompartment(compartmentId:$c, size:LARGE){ id } }`,
          { c: full },
          f.adminToken,
        ),
      ),
    ).toBe('CONFLICT');

    const retired = ok(
      await s.gql<{ retireCompartment: { status: string } }>(
        `mutation($c:ID!){ retireCompartment(compartmentId:$c){ status } }`,
        { c: empty },
        f.adminToken,
      ),
    ).retireCompartment;
    expect(retired.status).toBe('RETIRED');
    // the gateway no longer drives nor reads it
    const config = ok(
      await s.gql<{ gatewayConfig: { compartments: { compartmentId: string }[] } }>(
        `{ gatewayConfig { compartments { compartmentId } } }`,
        {},
        f.gatewayToken,
      ),
    ).gatewayConfig.compartments.map((c) => c.compartmentId);
    expect(config).toEqual([full]);
    // the retired one is never allocated: with the other one full, nothing is free
    const { code: c } = await issue(s, f);
    expect((await scan(s, f, c.payload)).outcome).toBe('NO_COMPARTMENT_AVAILABLE');
    expect((await read(f)).availability).toEqual([
      { size: 'SMALL', free: 0, total: 1, tariff: expect.anything() },
    ]);
    expect(
      code(
        await s.gql(
          `mutation($c:ID!){ setCompartmentOutOfService(compartmentId:$c, outOfService:true){ id } }`,
          { c: empty },
          f.adminToken,
        ),
      ),
    ).toBe('CONFLICT');
  });

  test('a retired bank retires its compartments; a retired site offers nothing and issues no codes', async () => {
    const f = await createSite(s, { counts: { SMALL: 1, MEDIUM: 1 } });
    const bankId = (await read(f)).banks[0]!.id;
    const bank = ok(
      await s.gql<{ retireLockerBank: { retiredAt: string | null } }>(
        `mutation($b:ID!){ retireLockerBank(bankId:$b){ retiredAt } }`,
        { b: bankId },
        f.adminToken,
      ),
    ).retireLockerBank;
    expect(bank.retiredAt).not.toBeNull();
    const after = await read(f);
    expect(after.compartments.map((c) => c.status)).toEqual(['RETIRED', 'RETIRED']);
    expect(after.availability).toEqual([]);
    expect(code(await s.gql(ISSUE, { s: f.siteId, z: 'SMALL' }, f.kioskToken))).toBe('BAD_USER_INPUT');

    const g = await createSite(s, { counts: { SMALL: 1 } });
    const site = ok(
      await s.gql<{ retireSite: { retiredAt: string | null } }>(
        `mutation($s:ID!){ retireSite(siteId:$s){ retiredAt } }`,
        { s: g.siteId },
        g.adminToken,
      ),
    ).retireSite;
    expect(site.retiredAt).not.toBeNull();
    const gone = await read(g);
    expect(gone.availability).toEqual([]);
    expect(gone.banks[0]!.retiredAt).not.toBeNull();
    expect(code(await s.gql(ISSUE, { s: g.siteId, z: 'SMALL' }, g.kioskToken))).toBe('NOT_FOUND');
  });

  test('a retired tariff takes its size off offer until it is set again', async () => {
    const f = await createSite(s, { counts: { SMALL: 1, MEDIUM: 1 } });
    const t = ok(
      await s.gql<{ retireTariff: { size: string; retiredAt: string | null } }>(
        `mutation($s:ID!){ retireTariff(siteId:$s, size:MEDIUM){ size retiredAt } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    ).retireTariff;
    expect(t.retiredAt).not.toBeNull();
    const after = await read(f);
    expect(after.availability.map((a) => a.size)).toEqual(['SMALL']);
    expect(after.tariffs.find((x) => x.size === 'MEDIUM')?.retiredAt).not.toBeNull();
    expect(code(await s.gql(ISSUE, { s: f.siteId, z: 'MEDIUM' }, f.kioskToken))).toBe('BAD_USER_INPUT');
    ok(await s.gql(ISSUE, { s: f.siteId, z: 'SMALL' }, f.kioskToken));
    ok(
      await s.gql(
        `mutation($s:ID!){ setTariff(siteId:$s,size:MEDIUM,price:0,currency:"EUR",includedMinutes:60,overduePerHour:100,graceMinutes:5,securityAlertAfterMinutes:60){ id } }`,
        { s: f.siteId },
        f.adminToken,
      ),
    );
    expect((await read(f)).availability.map((a) => a.size)).toEqual(['SMALL', 'MEDIUM']);
    await heartbeat(s, f);
  });

  test('VIEWER and OPERATOR are refused every edit and retirement', async () => {
    const f = await createSite(s, { counts: { SMALL: 1 } });
    const bankId = (await read(f)).banks[0]!.id;
    const c = f.compartments[0]!.id;
    const ops: [string, Record<string, unknown>][] = [
      [`mutation($b:ID!){ updateLockerBank(bankId:$b, label:"x"){ id } }`, { b: bankId }],
      [`mutation($c:ID!){ updateCompartment(compartmentId:$c, label:"x"){ id } }`, { c }],
      [`mutation($s:ID!){ updateSite(id:$s, name:"x"){ id } }`, { s: f.siteId }],
      [`mutation($s:ID!){ retireSite(siteId:$s){ id } }`, { s: f.siteId }],
      [`mutation($b:ID!){ retireLockerBank(bankId:$b){ id } }`, { b: bankId }],
      [`mutation($c:ID!){ retireCompartment(compartmentId:$c){ id } }`, { c }],
      [`mutation($s:ID!){ retireTariff(siteId:$s, size:SMALL){ id } }`, { s: f.siteId }],
    ];
    for (const role of ['VIEWER', 'OPERATOR']) {
      const email = `${role.toLowerCase()}-${f.siteId.slice(0, 8)}@example.com`;
      ok(
        await s.gql(
          `mutation($e:String!,$r:Role!){ createUser(email:$e,password:"a-long-password",role:$r){ id } }`,
          { e: email, r: role },
          f.adminToken,
        ),
      );
      const token = await login(s, email, 'a-long-password');
      for (const [op, vars] of ops) expect(code(await s.gql(op, vars, token)), op).toBe('FORBIDDEN');
    }
  });
});
