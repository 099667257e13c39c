/**
 * Pulse timing on a slow board (200 ms per request): several unlocks at once while the
 * doors are polled. Each relay's OFF is booked ahead of other requests and pulses on one
 * board are spread, so every on-time stays within 10% of pulseMs (never past maxOnMs).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readDoorInputs } from '../src/boards/door-inputs.js';
import { GENERIC_COIL_BOARD } from '../src/boards/board-profile.js';
import { startSimulator } from '../src/simulator/simulator.js';
import type { SimSite } from '../src/simulator/sim-site.js';
import { executorRig, type ExecutorRig } from './support/executor-rig.js';
import { eventLoopLag, unlockCommand, waitFor } from './support/fixtures.js';
import { thirdPartyTcp } from './support/third-party-board.js';

const PULSE_MS = 500;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function slowBoards(kind: 'simulator' | 'modbus-serial'): Promise<{ endpoint: string; site: SimSite }> {
  if (kind === 'simulator') {
    const sim = await startSimulator({
      modbusPort: 0,
      httpPort: null,
      openDelayMs: 50,
      pulseRegisterBase: null,
    });
    sim.site.setFaults({ delayMs: 200 });
    cleanups.push(() => sim.stop());
    return { endpoint: sim.endpoint, site: sim.site };
  }
  const board = await thirdPartyTcp({ unitId: 1 });
  board.faults.delayMs = 200;
  cleanups.push(() => board.close());
  return { endpoint: board.endpoint, site: board.site };
}

describe.each(['simulator', 'modbus-serial'] as const)('slow board (200 ms per request) on %s', (kind) => {
  it('keeps every relay on-time within 10% of pulseMs with 6 unlocks at once and doors polled', async () => {
    const { endpoint, site } = await slowBoards(kind);
    const rig: ExecutorRig = executorRig(endpoint, { modbusTimeoutMs: 1000 }, undefined, {
      ...GENERIC_COIL_BOARD,
      maxOnMs: 550,
    });
    cleanups.push(() => rig.close());
    const board = rig.pool.get(endpoint);
    expect(await board.waitConnected(Date.now() + 3000)).toBe(true);
    const lag = eventLoopLag();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        await readDoorInputs(board, GENERIC_COIL_BOARD, 1, 0, 8).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 150));
      }
    })();
    const commands = [0, 1, 2, 3, 4, 5].map((coil) =>
      unlockCommand(endpoint, 1, coil, {
        pulseMs: PULSE_MS,
        expiresAt: new Date(Date.now() + 20_000).toISOString(),
      }),
    );
    const outcomes = await Promise.all(commands.map((c) => rig.executor.handle(c)));
    polling = false;
    await poller;
    expect(outcomes.map((o) => o.result)).toEqual(new Array(6).fill('SUCCEEDED'));
    await waitFor(
      () => site.pulses.length === 6 && site.pulses.every((p) => p.durationMs !== null),
      'six pulses to end',
      5000,
    );
    const ms = site.pulses.map((p) => p.durationMs!);
    lag.stop();
    const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
    console.warn(
      `slow board (${kind}): pulse ${PULSE_MS} ms, on-times ${ms.map((v) => v.toFixed(0)).join(', ')} ms, mean ${mean.toFixed(0)}, max ${Math.max(...ms).toFixed(0)}, event-loop stall ${lag.maxMs().toFixed(0)} ms`,
    );
    for (const v of ms) {
      expect(v).toBeGreaterThan(PULSE_MS * 0.9);
      expect(v).toBeLessThan(PULSE_MS * 1.1 + lag.maxMs());
    }
  });
});
