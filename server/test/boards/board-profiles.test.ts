/**
 * Board profiles on a bank: chosen at set-up (or changed later), validated naming the
 * field, served to the bank's gateway in gatewayConfig; and the one endpoint syntax the
 * gateway also parses (the same examples file).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, ok, type Fixture } from '../support/fixtures.js';

const examples = JSON.parse(
  fs.readFileSync(new URL('../../../lock-gateway/test/endpoint-examples.json', import.meta.url), 'utf8'),
) as {
  valid: string[];
  invalid: string[];
};
const err = (r: { errors?: { extensions?: { code?: string; field?: string } }[] }) =>
  r.errors?.[0]?.extensions;
const BOARD =
  'board { preset pulse timedFunction timedAddress timedUnitMs doorSource doorOpenWhen invertedInputs coilOffset inputOffset maxOnMs }';
const CREATE = `mutation($s:ID!,$l:String!,$e:String!,$b:BoardProfileInput,$c:[CompartmentInput!]!){ createLockerBank(siteId:$s,label:$l,modbusEndpoint:$e,board:$b,compartments:$c){ id ${BOARD} } }`;

describe('board profiles and endpoints', () => {
  let s: TestServer;
  let f: Fixture;
  let n = 0;
  const bank = (endpoint: string, board: Record<string, unknown> | null = null) => {
    n++;
    return s.gql<{ createLockerBank: { id: string; board: Record<string, unknown> } }>(
      CREATE,
      {
        s: f.siteId,
        l: `B${n}`,
        e: endpoint,
        b: board,
        c: [{ label: `P${n}`, size: 'SMALL', unitId: 1, coil: 0, doorInput: 0 }],
      },
      f.adminToken,
    );
  };

  beforeAll(async () => {
    s = await startTestServer();
    f = await createSite(s);
  });
  afterAll(async () => {
    await s.stop();
  });

  test('a bank without a profile is the generic coil board; the presets are listed', async () => {
    const created = ok(await bank('tcp://10.0.0.20:502')).createLockerBank;
    expect(created.board).toMatchObject({
      preset: 'generic-coil',
      pulse: 'COIL',
      doorSource: 'DISCRETE_INPUTS',
      doorOpenWhen: 'HIGH',
      maxOnMs: 2000,
    });
    const presets = ok(
      await s.gql<{ boardProfiles: { preset: string }[] }>(
        `{ boardProfiles { preset pulse timedUnitMs } }`,
        {},
        f.adminToken,
      ),
    ).boardProfiles;
    expect(presets.map((p) => p.preset)).toEqual(
      expect.arrayContaining(['generic-coil', 'generic-coil-nc', 'relay-module-flash-100ms']),
    );
    expect(err(await s.gql(`{ boardProfiles { preset } }`, {}, f.kioskToken))?.code).toBe('FORBIDDEN');
  });

  test("a preset with changed fields becomes custom; the gateway gets it with each compartment's bank", async () => {
    const created = ok(
      await bank('rtu:///tmp/gw-rtu?baud=9600', {
        preset: 'relay-module-flash-100ms',
        doorOpenWhen: 'LOW',
        invertedInputs: [3, 1, 3],
      }),
    ).createLockerBank;
    expect(created.board).toMatchObject({
      preset: 'custom',
      pulse: 'TIMED',
      timedFunction: 6,
      timedUnitMs: 100,
      doorOpenWhen: 'LOW',
      invertedInputs: [1, 3],
    });
    const cfg = ok(
      await s.gql<{
        gatewayConfig: {
          compartments: { label: string; bankId: string }[];
          banks: { id: string; modbusEndpoint: string; board: Record<string, unknown> }[];
        };
      }>(
        `{ gatewayConfig { compartments { label bankId } banks { id modbusEndpoint ${BOARD} } } }`,
        {},
        f.gatewayToken,
      ),
    ).gatewayConfig;
    const served = cfg.banks.find((b) => b.id === created.id);
    expect(served).toMatchObject({ modbusEndpoint: 'rtu:///tmp/gw-rtu?baud=9600', board: created.board });
    expect(cfg.compartments.find((c) => c.label === `P${n}`)?.bankId).toBe(created.id);
    // changed after commissioning
    const set = ok(
      await s.gql<{ setLockerBankBoard: { board: { preset: string } } }>(
        `mutation($b:ID!){ setLockerBankBoard(bankId:$b,board:{preset:"generic-coil-nc"}){ ${BOARD} } }`,
        { b: created.id },
        f.adminToken,
      ),
    );
    expect(set.setLockerBankBoard.board).toMatchObject({
      preset: 'generic-coil-nc',
      pulse: 'COIL',
      timedFunction: null,
      doorOpenWhen: 'LOW',
    });
  });

  test('a bad profile is BAD_USER_INPUT naming the field, and no bank is made', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ preset: 'mystery-board' }, 'board.preset'],
      [{ pulse: 'TIMED', timedFunction: 5, timedAddress: 0, timedUnitMs: 100 }, 'board.timedFunction'],
      [{ pulse: 'TIMED', timedFunction: 6, timedUnitMs: 100 }, 'board.timedAddress'],
      [{ maxOnMs: 60_000 }, 'board.maxOnMs'],
      [{ coilOffset: -5 }, 'board.coilOffset'],
    ];
    for (const [board, field] of cases)
      expect(err(await bank('tcp://10.0.0.20:502', board)), field).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
  });

  test("the endpoint syntax is the gateway's: the same examples accepted and refused", async () => {
    for (const e of examples.valid) ok(await bank(e));
    for (const e of examples.invalid)
      expect(err(await bank(e)), e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'modbusEndpoint' });
  });
});
