/**
 * `--check` as the commissioning tool, against a Modbus server we did not write
 * (modbus-serial's ServerTCP): raw and interpreted inputs, what each unit answers, a
 * suggested profile, a pulse on request, and a non-zero exit on anything implausible.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GENERIC_COIL_BOARD, type BoardProfile } from '../src/boards/board-profile.js';
import { runCheck } from '../src/cli/check.js';
import { silentLogger } from '../src/logging/logger.js';
import { RecordingApi, testConfig } from './support/fixtures.js';
import { thirdPartyTcp, type ThirdPartyBoard, type ThirdPartyOptions } from './support/third-party-board.js';

let board: ThirdPartyBoard | null = null;
afterEach(async () => {
  await board?.close();
  board = null;
});

async function check(
  wiring: ThirdPartyOptions,
  profile: BoardProfile,
  opts: { unitId?: number; pulse?: string; refuse?: number[] } = {},
): Promise<{ code: number; text: string }> {
  board = await thirdPartyTcp(wiring);
  board.faults.refuse = opts.refuse ?? [];
  const api = new RecordingApi();
  api.setup = {
    gateway: { id: 'g', name: 'site' },
    pulseMs: 500,
    compartments: Array.from({ length: 8 }, (_, i) => ({
      compartmentId: `c${i}`,
      label: `A${i + 1}`,
      bankId: 'bank',
      modbus: { endpoint: board!.endpoint, unitId: opts.unitId ?? wiring.unitId, coil: i, doorInput: i },
    })),
    banks: [{ id: 'bank', label: 'A', board: profile }],
  };
  const lines: string[] = [];
  const code = await runCheck(
    testConfig({ checkPulse: opts.pulse ?? null, modbusTimeoutMs: 300 }),
    silentLogger(),
    (l) => lines.push(l),
    { api },
  );
  return { code, text: lines.join('\n') };
}

describe('--check', () => {
  it('passes a board wired as its profile says, printing raw and interpreted inputs and what the unit answers', async () => {
    const r = await check({ unitId: 1 }, GENERIC_COIL_BOARD);
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/A1\s+tcp:\/\/\S+\s+1\s+0\s+0\s+0\s+CLOSED/);
    expect(r.text).toMatch(
      /coils answers, discrete inputs answers, input registers no answer, holding register 512 no answer/,
    );
    expect(r.text).toMatch(/ok: 8 doors read/);
  });

  it('NC sensors under a NO profile: every door OPEN, exit 1, and the suggestion is doorOpenWhen LOW', async () => {
    const r = await check({ unitId: 1, ncInputs: true }, GENERIC_COIL_BOARD);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/A1\s+\S+\s+1\s+0\s+0\s+1\s+OPEN/);
    expect(r.text).toMatch(/PROBLEM: unit 1 .* every door reads OPEN/);
    expect(r.text).toMatch(/suggest: every door reads open.*"doorOpenWhen":"LOW"/);
  });

  it('reads refused: exit 1 naming the exception, function and unit', async () => {
    const r = await check({ unitId: 1 }, GENERIC_COIL_BOARD, { refuse: [2] });
    expect(r.code).toBe(1);
    expect(r.text).toMatch(
      /PROBLEM: unit 1 .* door read failed: exception 2 \(illegal data address\) on FC2 read discrete inputs 0\.\.7 on unit 1/,
    );
  });

  it('a unit id the board ignores: exit 1, the unit does not answer', async () => {
    const r = await check({ unitId: 1 }, GENERIC_COIL_BOARD, { unitId: 4 });
    expect(r.code).toBe(1);
    expect(r.text).toMatch(
      /PROBLEM: unit 4 .* door read failed: timeout .* on FC2 read discrete inputs 0\.\.7 on unit 4/,
    );
    expect(r.text).toMatch(/PROBLEM: unit 4 at \S+ does not answer/);
  });

  it('--pulse <label> pulses that lock and reports the door opening', async () => {
    const r = await check({ unitId: 1 }, GENERIC_COIL_BOARD, { pulse: 'A3' });
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/pulse A3 \(unit 1 coil 2\): succeeded/);
    expect(r.text).toMatch(/door A3 opened \d+ ms after the pulse started/);
    expect(board!.site.pulses.map((p) => p.coil)).toEqual([2]);
  });
});
