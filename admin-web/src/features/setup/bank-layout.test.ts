import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBankDraft, layoutBank } from './bank-layout';

// The examples the gateway and the server are both tested on.
// (read from the package root: under jsdom import.meta.url is not a file URL)
const endpointExamples = JSON.parse(
  fs.readFileSync(path.resolve(process.cwd(), '../lock-gateway/test/endpoint-examples.json'), 'utf8'),
) as { valid: string[] };

describe('layoutBank', () => {
  it('turns "24 compartments, 6 of each size, coils 0-23" into 24 inputs', () => {
    const r = layoutBank(defaultBankDraft('C'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.compartments).toHaveLength(24);
    expect(r.compartments[0]).toEqual({ label: 'C01', size: 'SMALL', unitId: 1, coil: 0, doorInput: 0 });
    expect(r.compartments[6]).toMatchObject({ label: 'C07', size: 'MEDIUM', coil: 6 });
    expect(r.compartments[23]).toEqual({ label: 'C24', size: 'XLARGE', unitId: 1, coil: 23, doorInput: 23 });
    expect(new Set(r.compartments.map((c) => c.coil)).size).toBe(24);
  });

  it('offsets coils and door inputs independently', () => {
    const r = layoutBank({
      ...defaultBankDraft('D'),
      firstCoil: '16',
      firstDoorInput: '32',
      counts: { SMALL: '2', MEDIUM: '0', LARGE: '0', XLARGE: '1' },
    });
    expect(r.ok && r.compartments.map((c) => [c.label, c.size, c.coil, c.doorInput])).toEqual([
      ['D01', 'SMALL', 16, 32],
      ['D02', 'SMALL', 17, 33],
      ['D03', 'XLARGE', 18, 34],
    ]);
  });

  it('reports each bad field', () => {
    const r = layoutBank({
      ...defaultBankDraft(''),
      modbusEndpoint: 'http://x',
      unitId: '300',
      counts: { SMALL: 'x', MEDIUM: '1', LARGE: '0', XLARGE: '0' },
      firstCoil: '-1',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual([
      'bankLabel',
      'counts',
      'firstCoil',
      'modbusEndpoint',
      'unitId',
    ]);
  });

  it('refuses an empty bank and one past the address space', () => {
    const none = layoutBank({
      ...defaultBankDraft('E'),
      counts: { SMALL: '0', MEDIUM: '0', LARGE: '0', XLARGE: '0' },
    });
    expect(!none.ok && none.errors.counts).toMatch(/at least one/);
    const far = layoutBank({ ...defaultBankDraft('E'), firstCoil: '65530' });
    expect(!far.ok && far.errors.firstCoil).toMatch(/65535/);
  });

  it('refuses labels already used at the site', () => {
    const r = layoutBank(defaultBankDraft('A'), { labels: new Set(['A03']), addresses: [] });
    expect(!r.ok && r.errors.labelPrefix).toMatch(/A03/);
  });

  const wired = (
    label: string,
    coil: number,
    doorInput: number,
    unitId = 1,
    endpoint = 'tcp://127.0.0.1:5020',
  ) => ({ label, endpoint, unitId, coil, doorInput });

  it('refuses coils and door inputs already wired on the same endpoint and unit', () => {
    const existing = { labels: new Set<string>(), addresses: [wired('A05', 4, 30), wired('A06', 40, 5)] };
    const r = layoutBank(
      { ...defaultBankDraft('C'), counts: { SMALL: '6', MEDIUM: '0', LARGE: '0', XLARGE: '0' } },
      existing,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.firstCoil).toBe('Already wired on unit 1 of this endpoint: coil 4 (A05)');
    expect(!r.ok && r.errors.firstDoorInput).toBe('Already wired on unit 1 of this endpoint: input 5 (A06)');
    // Moving past them clears both.
    expect(layoutBank({ ...defaultBankDraft('C'), firstCoil: '41', firstDoorInput: '31' }, existing).ok).toBe(
      true,
    );
  });

  it('lets the same coils be used on another unit or another endpoint', () => {
    const existing = {
      labels: new Set<string>(),
      addresses: [wired('A01', 0, 0, 1), wired('Z01', 0, 0, 3, 'tcp://10.0.0.9:502')],
    };
    expect(layoutBank({ ...defaultBankDraft('C'), unitId: '3' }, existing).ok).toBe(true);
    expect(
      layoutBank({ ...defaultBankDraft('C'), modbusEndpoint: 'TCP://127.0.0.1:5020' }, existing).ok,
    ).toBe(false);
  });

  it('accepts an RTU endpoint', () => {
    expect(layoutBank({ ...defaultBankDraft('R'), modbusEndpoint: 'rtu:///dev/ttyUSB0?baud=9600' }).ok).toBe(
      true,
    );
  });

  it('accepts every endpoint the server and the gateway accept (one syntax)', () => {
    for (const e of endpointExamples.valid)
      expect(layoutBank({ ...defaultBankDraft('R'), modbusEndpoint: e }).ok, e).toBe(true);
  });
});
