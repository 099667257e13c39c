/**
 * The ONE contract every RelayBoard adapter passes (graphql-ws's pattern: one suite, run
 * against every adapter on a real server). A harness gives the board under test, the
 * simulated boards behind it, and a way to break the link.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardIo, RelayBoard } from '../src/boards/relay-board.js';
import { DeviceError, NotSentError } from '../src/modbus/modbus-errors.js';
import type { SimSite } from '../src/simulator/sim-site.js';
import { waitFor } from './support/fixtures.js';

/** What the suite needs from each adapter. */
export interface BoardHarness {
  board: RelayBoard;
  site: SimSite;
  /** Makes the link fail the way this transport fails (socket dropped, port gone...). */
  breakLink(): void;
  dispose(): Promise<void>;
}

/** Registers the contract suite for one adapter. */
export function relayBoardContract(
  name: string,
  make: () => Promise<BoardHarness>,
  options: { skip?: string } = {},
): void {
  const suite = options.skip ? describe.skip : describe;
  suite(`RelayBoard contract: ${name}${options.skip ? ` (skipped: ${options.skip})` : ''}`, () => {
    let h: BoardHarness;
    let connects = 0;

    beforeEach(async () => {
      h = await make();
      connects = 0;
      h.board.setOnConnected(async (io: BoardIo) => {
        await io.writeCoils(1, 0, new Array<boolean>(12).fill(false));
        connects++; // counted once the hook completed: a hook cut short by the link retries
      });
      h.board.start();
      expect(await h.board.waitConnected(Date.now() + 3000)).toBe(true);
    });

    afterEach(async () => {
      await h.board.close();
      await h.dispose();
    });

    it('writes a coil the board then shows, and reads it back', async () => {
      await h.board.writeCoil(1, 3, true);
      expect(h.site.requireUnit(1).coils[3]).toBe(true);
      expect(await h.board.readCoils(1, 0, 5)).toEqual([false, false, false, true, false]);
      await h.board.writeCoil(1, 3, false);
      expect(h.site.requireUnit(1).coils[3]).toBe(false);
    });

    it('reads the door inputs of a unit as one block', async () => {
      h.site.requireUnit(2).setDoor(4, true, 'manual');
      h.site.requireUnit(2).setDoor(11, true, 'manual');
      const bits = await h.board.readDiscreteInputs(2, 0, 12);
      expect(bits).toHaveLength(12);
      expect(bits.flatMap((b, i) => (b ? [i] : []))).toEqual([4, 11]);
    });

    it('times a pulse on the board when written to the pulse register', async () => {
      await h.board.writeRegister(1, 512 + 2, 150);
      expect(h.site.requireUnit(1).coils[2]).toBe(true);
      await waitFor(() => h.site.requireUnit(1).coils[2] === false, 'timed pulse to end', 2000);
      const pulse = h.site.pulses.at(-1);
      expect(pulse?.via).toBe('register');
      expect(pulse?.durationMs).toBeGreaterThan(120);
      expect(pulse?.durationMs).toBeLessThan(200);
    });

    it('answers a Modbus exception as DeviceError and keeps the link', async () => {
      const error = await h.board.readDiscreteInputs(1, 10, 20).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeviceError);
      expect((error as DeviceError).exceptionCode).toBe(2);
      expect(h.board.state.kind).toBe('connected');
      expect(await h.board.readCoils(1, 0, 1)).toEqual([false]);
    });

    it('serialises concurrent requests on one connection', async () => {
      const writes = Array.from({ length: 12 }, (_, i) => h.board.writeCoil(1, i, i % 2 === 0));
      await Promise.all(writes);
      expect(await h.board.readCoils(1, 0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => i % 2 === 0));
    });

    it('exposes the link state: up since the connect, the last good read, down with the error when the link breaks', async () => {
      const up = h.board.link;
      expect(up).toMatchObject({ endpoint: h.board.key, up: true });
      const before = Date.now();
      await h.board.readDiscreteInputs(1, 0, 4);
      expect(Date.parse(h.board.link.lastGoodReadAt ?? '')).toBeGreaterThanOrEqual(before - 5);
      h.breakLink();
      await waitFor(() => !h.board.link.up, 'link state down', 3000);
      expect(Date.parse(h.board.link.since)).toBeGreaterThanOrEqual(Date.parse(up.since));
      expect(h.board.link.error).toBeTruthy();
      expect(await h.board.waitConnected(Date.now() + 3000)).toBe(true);
      expect(h.board.link.up).toBe(true);
    });

    it('reconnects after the link breaks, runs the connect hook first, refuses requests while down', async () => {
      await h.board.writeCoil(1, 5, true);
      h.breakLink();
      await waitFor(() => h.board.state.kind !== 'connected', 'link to go down', 2000);
      await expect(h.board.readCoils(1, 0, 1)).rejects.toBeInstanceOf(NotSentError);
      expect(await h.board.waitConnected(Date.now() + 3000)).toBe(true);
      expect(connects).toBe(2);
      // the hook switched everything off before anyone else talked to the board
      expect(h.site.requireUnit(1).coils[5]).toBe(false);
      expect(await h.board.readCoils(1, 5, 1)).toEqual([false]);
    });
  });
}
