/**
 * The day-one failures, reproduced against a Modbus server we did not write
 * (modbus-serial's ServerTCP: 8 coils, 8 discrete inputs, silent on functions it does not
 * handle, a lock that opens 50 ms after its coil goes on), through the gateway's own
 * executor, poller and board layer, each bank configured with its board profile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GENERIC_COIL_BOARD, type BoardProfile } from '../src/boards/board-profile.js';
import { DoorPoller } from '../src/doors/door-poller.js';
import type { DoorReport } from '../src/link/api.types.js';
import { createLogger } from '../src/logging/logger.js';
import { executorRig, type ExecutorRig } from './support/executor-rig.js';
import { eventLoopLag, unlockCommand, waitFor } from './support/fixtures.js';
import { thirdPartyTcp, type ThirdPartyBoard, type ThirdPartyOptions } from './support/third-party-board.js';

const NC: BoardProfile = {
  ...GENERIC_COIL_BOARD,
  name: 'generic-coil-nc',
  doors: { ...GENERIC_COIL_BOARD.doors, openWhen: 'low' },
};

interface Site {
  board: ThirdPartyBoard;
  rig: ExecutorRig;
  reports: DoorReport[];
  warnings: Array<Record<string, unknown>>;
}

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function site(wiring: ThirdPartyOptions, profile: BoardProfile): Promise<Site> {
  const board = await thirdPartyTcp(wiring);
  stops.push(() => board.close());
  const warnings: Array<Record<string, unknown>> = [];
  const log = createLogger('t', 'warn', {
    write: (line: string) => void warnings.push(JSON.parse(line) as Record<string, unknown>),
  });
  const rig = executorRig(board.endpoint, { modbusTimeoutMs: 300 }, undefined, profile, log);
  stops.push(() => rig.close());
  const reports: DoorReport[] = [];
  const poller = new DoorPoller({
    pool: rig.pool,
    intervalMs: 50,
    unknownAfterMs: 0,
    log,
    onChanges: (c) => reports.push(...c),
  });
  poller.setCompartments(
    Array.from({ length: 8 }, (_, i) => ({
      compartmentId: `comp-1-${i}`,
      label: `A${i + 1}`,
      bankId: 'bank-1',
      modbus: { endpoint: board.endpoint, unitId: 1, coil: i, doorInput: i },
    })),
  );
  stops.push(() => poller.stop());
  return { board, rig, reports, warnings };
}

describe('against modbus-serial ServerTCP', () => {
  it('a board silent on FC3: unlocks succeed and doors are polled, nothing probes it', async () => {
    const s = await site({ unitId: 1 }, GENERIC_COIL_BOARD);
    await waitFor(() => s.reports.length === 8, 'first full door read');
    const lag = eventLoopLag();
    const outcomes = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6, 7].map((coil) =>
        s.rig.executor.handle(unlockCommand(s.board.endpoint, 1, coil, { pulseMs: 200 })),
      ),
    );
    expect(outcomes.map((o) => o.result)).toEqual(new Array(8).fill('SUCCEEDED'));
    await waitFor(
      () => s.reports.filter((r) => r.state === 'OPEN').length === 8,
      'eight doors reported open',
    );
    expect(s.board.faults.calls.get(3)).toBeUndefined();
    lag.stop();
    expect(s.board.site.pulses.map((p) => p.durationMs! > 180 && p.durationMs! < 220 + lag.maxMs())).toEqual(
      new Array(8).fill(true),
    );
  });

  it('holding registers that are not a flash block: the coil is pulsed, the relay really moves', async () => {
    const s = await site({ unitId: 1, otherHoldingRegisters: true }, GENERIC_COIL_BOARD);
    const outcome = await s.rig.executor.handle(unlockCommand(s.board.endpoint, 1, 4, { pulseMs: 300 }));
    expect(outcome.result).toBe('SUCCEEDED');
    expect(s.board.site.pulses).toMatchObject([{ coil: 4, via: 'coil' }]);
    expect(s.board.faults.calls.get(6)).toBeUndefined();
    await waitFor(
      () => s.reports.some((r) => r.compartmentId === 'comp-1-4' && r.state === 'OPEN'),
      'door 4 reported open',
    );
  });

  it('normally-closed sensors under the NC profile: no false OPEN at start, an opened door reads OPEN', async () => {
    const s = await site({ unitId: 1, ncInputs: true }, NC);
    await waitFor(() => s.reports.length === 8, 'first full door read');
    expect(s.reports.every((r) => r.state === 'CLOSED')).toBe(true);
    s.board.site.requireUnit(1).setDoor(6, true, 'manual');
    await waitFor(
      () => s.reports.some((r) => r.compartmentId === 'comp-1-6' && r.state === 'OPEN'),
      'door 6 open',
    );
  });

  it('door reads refused: a warning names exception, function and unit (once), the link state shows it', async () => {
    const s = await site({ unitId: 1 }, GENERIC_COIL_BOARD);
    s.board.faults.refuse = [2];
    await new Promise((r) => setTimeout(r, 600)); // about ten polls
    // (the rig's layout has 12 coils for this 8-coil board: its relay reset is refused too, named the same way)
    const faults = s.warnings.filter((w) => w.msg === 'controller fault' && /FC2/.test(String(w.fault)));
    expect(faults).toHaveLength(1);
    expect(faults[0]!.fault).toMatch(
      /exception 2 \(illegal data address\) on FC2 read discrete inputs 0\.\.7 on unit 1/,
    );
    const link = s.rig.pool.linkStates()[0]!;
    expect(link).toMatchObject({ endpoint: s.board.endpoint, up: true });
    expect(link.error).toMatch(/exception 2/);
    expect(s.reports).toHaveLength(0);
  });

  it('a unit id the board ignores: the unlock is never SUCCEEDED and the cause names the unit', async () => {
    const s = await site({ unitId: 3 }, GENERIC_COIL_BOARD);
    const outcome = await s.rig.executor.handle(
      unlockCommand(s.board.endpoint, 1, 0, {
        pulseMs: 200,
        expiresAt: new Date(Date.now() + 2000).toISOString(),
      }),
    );
    expect(outcome.result).toBe('FAILED');
    // the connect-time relay reset to unit 1 is what goes unanswered: the controller never comes up
    expect(outcome.error).toMatch(
      /unreachable until expiry \(last error: timeout \(no answer within 300 ms\) on FC15 write coils 0\.\.11 on unit 1/,
    );
    expect(s.warnings.some((w) => JSON.stringify(w.fault ?? w.error ?? '').includes('on unit 1'))).toBe(true);
    expect(s.board.site.pulses).toHaveLength(0);
  });
});
