/**
 * The board-profile contract: a lock pulsed and doors read the way a profile says, against
 * a given Modbus server wired as that profile's board. Every harness passes it: our
 * simulator and a third-party server (modbus-serial) over TCP and RTU.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardProfile } from '../src/boards/board-profile.js';
import { readDoorInputs } from '../src/boards/door-inputs.js';
import { ModbusBoard } from '../src/boards/modbus-board.js';
import { pulseLock } from '../src/locks/lock-pulser.js';
import { silentLogger } from '../src/logging/logger.js';
import { parseEndpoint } from '../src/modbus/endpoint.js';
import type { SimSite } from '../src/simulator/sim-site.js';
import { eventLoopLag, waitFor } from './support/fixtures.js';

/** One board wired as `profile` expects, on some Modbus server. */
export interface ProfileHarness {
  endpoint: string;
  site: SimSite;
  unitId: number;
  /** Makes the board refuse (exception 2) every request with these function codes. */
  refuse(fcs: number[]): void;
  close(): Promise<void>;
}

const timing = { requestTimeoutMs: 400, connectTimeoutMs: 1000, backoffMinMs: 30, backoffMaxMs: 200 };

/** Registers the contract for one (server, profile) pair. */
export function boardProfileContract(
  name: string,
  profile: BoardProfile,
  make: () => Promise<ProfileHarness>,
): void {
  describe(`board profile contract: ${name}`, () => {
    let h: ProfileHarness;
    let board: ModbusBoard;

    async function setUp(): Promise<void> {
      h = await make();
      const endpoint = parseEndpoint(h.endpoint);
      if (endpoint.kind === 'sim') throw new Error('a network endpoint is needed');
      board = new ModbusBoard(endpoint, timing, silentLogger());
      board.start();
      expect(await board.waitConnected(Date.now() + 3000)).toBe(true);
    }

    afterEach(async () => {
      await board.close();
      await h.close();
    });

    it('pulses a lock for the configured time (within 10%) and the door opens', async () => {
      await setUp();
      const lag = eventLoopLag();
      const outcome = await pulseLock(board, h.unitId, 3, 500, profile);
      expect(outcome.kind).toBe('succeeded');
      await waitFor(() => h.site.pulses[0]?.durationMs != null, 'pulse to end', 3000);
      const ms = h.site.pulses[0]!.durationMs!;
      lag.stop();
      expect(ms).toBeGreaterThan(450);
      expect(ms).toBeLessThan(550 + lag.maxMs());
      await waitFor(() => h.site.requireUnit(h.unitId).doors[3] === true, 'door to open', 1000);
      expect(h.site.pulses).toHaveLength(1);
    });

    it('reads doors open and closed under the profile polarity', async () => {
      await setUp();
      const unit = h.site.requireUnit(h.unitId);
      unit.setDoor(2, true, 'manual');
      unit.setDoor(5, true, 'manual');
      const read = await readDoorInputs(board, profile, h.unitId, 0, 8);
      expect(read.open.flatMap((o, i) => (o ? [i] : []))).toEqual([2, 5]);
      unit.setDoor(2, false, 'manual');
      expect((await readDoorInputs(board, profile, h.unitId, 0, 8)).open[2]).toBe(false);
    });

    it('names a refused read (function, unit, exception) in the error and the link state', async () => {
      await setUp();
      const fc = profile.doors.source === 'input-registers' ? 4 : 2;
      h.refuse([fc]);
      const error = (await readDoorInputs(board, profile, h.unitId, 0, 8).catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(
        new RegExp(`exception 2 \\(illegal data address\\) on FC${fc} read .* on unit ${h.unitId}`),
      );
      expect(board.link.error).toBe(error.message);
      expect(board.link.up).toBe(true);
    });

    it('never reports success for a pulse the board refused', async () => {
      await setUp();
      h.refuse([profile.pulse.kind === 'timed' ? profile.pulse.function : 5]);
      const outcome = await pulseLock(board, h.unitId, 1, 300, profile);
      expect(outcome.kind).toBe('failed');
      expect(outcome.kind === 'failed' && outcome.reason).toMatch(
        /refused by the board: exception 2 .* on unit/,
      );
      await new Promise((r) => setTimeout(r, 100));
      expect(h.site.pulses).toHaveLength(0);
    });

    it('a unit that does not answer: the cause names the function and the unit, no success', async () => {
      await setUp();
      const outcome = await pulseLock(board, h.unitId + 7, 1, 200, profile);
      expect(outcome.kind).not.toBe('succeeded');
      const reason = outcome.kind === 'succeeded' ? '' : outcome.reason;
      // a TCP gateway answers exception 11 for a unit it cannot reach; a board alone stays silent
      expect(reason).toMatch(
        new RegExp(`(timeout|exception 11) .* on FC(5|6|16) write .* on unit ${h.unitId + 7}`),
      );
      expect(h.site.pulses).toHaveLength(0);
    });
  });
}
