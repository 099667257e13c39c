/**
 * UNLOCK end to end below the server: command -> real Modbus TCP frames -> simulator coil
 * -> ack. Pulse timing, at-most-once per id (also across restarts), expiry, duty cycle,
 * and link loss mid-pulse.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src/simulator/simulator.js';
import { PROFILES_BY_MODE, SIM_FLASH_MS, tempStateDir, unlockCommand, waitFor } from './support/fixtures.js';
import { executorRig, type ExecutorRig } from './support/executor-rig.js';

let sim: Simulator;
const rigs: ExecutorRig[] = [];
const measured: Record<string, number[]> = { coil: [], register: [] };

function rig(...args: Parameters<typeof executorRig>): ExecutorRig {
  const r = executorRig(...args);
  rigs.push(r);
  return r;
}

beforeEach(async () => {
  sim = await startSimulator({ modbusPort: 0, httpPort: null, openDelayMs: 0 });
});

afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.close()));
  await sim.stop();
});

afterAll(() => {
  for (const [mode, values] of Object.entries(measured)) {
    if (values.length)
      console.warn(`pulse ${mode}: asked 300 ms, measured ${values.map((v) => v.toFixed(1)).join(', ')} ms`);
  }
});

describe.each(['coil', 'register'] as const)('UNLOCK with pulse mode %s', (mode) => {
  it('pulses the coil for pulseMs (within 20%), opens the door and acks SUCCEEDED', async () => {
    const r = rig(sim.endpoint, {}, undefined, PROFILES_BY_MODE[mode]);
    await r.pool.get(sim.endpoint).waitConnected(Date.now() + 2000);
    const command = unlockCommand(sim.endpoint, 1, 4, { pulseMs: 300 });
    const outcome = await r.executor.handle(command);
    expect(outcome).toMatchObject({ result: 'SUCCEEDED', executed: true });
    await waitFor(() => sim.site.pulses[0]?.durationMs != null, 'pulse to end');
    const pulse = sim.site.pulses[0]!;
    measured[mode]!.push(pulse.durationMs!);
    expect(pulse).toMatchObject({ unitId: 1, coil: 4, via: mode });
    expect(pulse.durationMs).toBeGreaterThan(240);
    expect(pulse.durationMs).toBeLessThan(360);
    expect(sim.site.requireUnit(1).doors[4]).toBe(true);
    await waitFor(() => r.api.acks.length === 1, 'ack');
    expect(r.api.acks[0]).toEqual({ commandId: command.id, result: 'SUCCEEDED', error: null });
  });
});

describe('at most once per command id', () => {
  it('pulses once when one id is delivered twice at once and again later', async () => {
    const r = rig(sim.endpoint, {});
    const command = unlockCommand(sim.endpoint, 1, 2, { pulseMs: 100 });
    const [a, b] = await Promise.all([r.executor.handle(command), r.executor.handle({ ...command })]);
    const c = await r.executor.handle({ ...command });
    expect([a.executed, b.executed, c.executed]).toEqual([true, false, false]);
    expect([a.result, b.result, c.result]).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    await new Promise((res) => setTimeout(res, 200));
    expect(sim.site.pulses).toHaveLength(1);
    // every delivery is acknowledged (the server's ack is idempotent)
    await waitFor(() => r.api.acks.length >= 2, 'acks');
    expect(new Set(r.api.acks.map((x) => x.result))).toEqual(new Set(['SUCCEEDED']));
  });

  it('does not pulse again after a restart on the same state dir', async () => {
    const stateDir = tempStateDir();
    const first = rig(sim.endpoint, { stateDir });
    const command = unlockCommand(sim.endpoint, 1, 7, { pulseMs: 100 });
    expect((await first.executor.handle(command)).result).toBe('SUCCEEDED');
    await first.close();

    const second = rig(sim.endpoint, { stateDir });
    await second.pool.get(sim.endpoint).waitConnected(Date.now() + 2000);
    const again = await second.executor.handle({ ...command });
    expect(again).toMatchObject({ result: 'SUCCEEDED', executed: false });
    await new Promise((res) => setTimeout(res, 150));
    expect(sim.site.pulses).toHaveLength(1);
    expect(second.api.acks).toEqual([{ commandId: command.id, result: 'SUCCEEDED', error: null }]);
  });

  it('never repeats a command a crashed gateway had begun: UNCERTAIN (it may have pulsed), no pulse', async () => {
    const stateDir = tempStateDir();
    const command = unlockCommand(sim.endpoint, 1, 3, { pulseMs: 100 });
    const { CommandStore } = await import('../src/commands/command-store.js');
    const crashed = CommandStore.open(stateDir);
    crashed.begin(command.id, command.expiresAt); // the crash came between journal and ack
    crashed.close();

    const r = rig(sim.endpoint, { stateDir });
    await r.pool.get(sim.endpoint).waitConnected(Date.now() + 2000);
    const outcome = await r.executor.handle(command);
    expect(outcome.result).toBe('UNCERTAIN');
    expect(outcome.error).toMatch(/restart/);
    await waitFor(
      () => r.api.acks.some((a) => a.commandId === command.id && a.result === 'UNCERTAIN'),
      'UNCERTAIN ack',
    );
    expect(sim.site.pulses).toHaveLength(0);
  });
});

describe('expiry', () => {
  it('never pulses an expired command and acks FAILED', async () => {
    const r = rig(sim.endpoint, {});
    await r.pool.get(sim.endpoint).waitConnected(Date.now() + 2000);
    const command = unlockCommand(sim.endpoint, 1, 1, { expiresAt: new Date(Date.now() - 1).toISOString() });
    const outcome = await r.executor.handle(command);
    expect(outcome.result).toBe('FAILED');
    expect(outcome.error).toMatch(/expired/);
    await new Promise((res) => setTimeout(res, 100));
    expect(sim.site.pulses).toHaveLength(0);
    await waitFor(() => r.api.acks.length === 1, 'ack');
  });

  it('does not start a pulse that could not be acknowledged before expiry', async () => {
    const r = rig(sim.endpoint, {});
    await r.pool.get(sim.endpoint).waitConnected(Date.now() + 2000);
    // 500 ms on, then the ack: past an expiry 400 ms away
    const command = unlockCommand(sim.endpoint, 1, 5, {
      pulseMs: 500,
      expiresAt: new Date(Date.now() + 400).toISOString(),
    });
    expect((await r.executor.handle(command)).result).toBe('FAILED');
    expect(sim.site.pulses).toHaveLength(0);
  });

  it('waits for an unreachable controller, but not past expiry', async () => {
    const r = rig(sim.endpoint, {});
    await r.pool.get(sim.endpoint).waitConnected(Date.now() + 2000);
    sim.site.setFaults({ refuseConnections: true });
    sim.site.dropConnections();
    // (a command sent while the drop is still in flight is "sent, not confirmed": FAILED, by design)
    await waitFor(() => r.pool.get(sim.endpoint).state.kind !== 'connected', 'the gateway to notice');
    const late = unlockCommand(sim.endpoint, 1, 6, { expiresAt: new Date(Date.now() + 400).toISOString() });
    const patient = unlockCommand(sim.endpoint, 1, 8, {
      expiresAt: new Date(Date.now() + 5000).toISOString(),
    });
    const pending = [r.executor.handle(late), r.executor.handle(patient)];
    setTimeout(() => sim.site.setFaults({ refuseConnections: false }), 700);
    const [lateOutcome, patientOutcome] = await Promise.all(pending);
    expect(lateOutcome!.result).toBe('FAILED');
    expect(patientOutcome!.result).toBe('SUCCEEDED');
    expect(sim.site.pulses.map((p) => p.coil)).toEqual([8]);
  });
});

describe('link loss mid-pulse', () => {
  it('coil mode: the relay ends off, the command UNCERTAIN (it did pulse), nothing pulsed twice', async () => {
    const r = rig(sim.endpoint, {});
    await r.pool.get(sim.endpoint).waitConnected(Date.now() + 2000);
    sim.site.once('pulseStart', () => sim.site.dropConnections());
    const command = unlockCommand(sim.endpoint, 1, 9, { pulseMs: 400 });
    const outcome = await r.executor.handle(command);
    expect(outcome.result).toBe('UNCERTAIN');
    expect(outcome.error).toMatch(/mid-pulse|not confirmed/);
    await waitFor(() => r.pool.get(sim.endpoint).state.kind === 'connected', 'reconnect');
    expect(sim.site.requireUnit(1).coils[9]).toBe(false);
    expect(sim.site.pulses).toHaveLength(1);
    // a re-delivery after the failure does not pulse either
    await r.executor.handle({ ...command });
    expect(sim.site.pulses).toHaveLength(1);
  });

  it('register mode: the board ends the pulse itself, the relay ends off, one pulse', async () => {
    const r = rig(sim.endpoint, {}, undefined, SIM_FLASH_MS);
    await r.pool.get(sim.endpoint).waitConnected(Date.now() + 2000);
    sim.site.once('pulseStart', () => setTimeout(() => sim.site.dropConnections(), 20));
    const command = unlockCommand(sim.endpoint, 1, 10, { pulseMs: 300 });
    const outcome = await r.executor.handle(command);
    expect(outcome.result).toBe('SUCCEEDED');
    await new Promise((res) => setTimeout(res, 500));
    expect(sim.site.requireUnit(1).coils[10]).toBe(false);
    expect(sim.site.pulses).toHaveLength(1);
  });
});

describe('duty cycle', () => {
  it('spaces pulses on one lock by the minimum interval', async () => {
    const r = rig(sim.endpoint, { minPulseIntervalMs: 600 });
    await r.pool.get(sim.endpoint).waitConnected(Date.now() + 2000);
    const a = unlockCommand(sim.endpoint, 1, 0, { pulseMs: 100 });
    const b = unlockCommand(sim.endpoint, 1, 0, { pulseMs: 100 });
    const other = unlockCommand(sim.endpoint, 1, 1, { pulseMs: 100 });
    await Promise.all([r.executor.handle(a), r.executor.handle(b), r.executor.handle(other)]);
    const onLock0 = sim.site.pulses.filter((p) => p.coil === 0);
    expect(onLock0).toHaveLength(2);
    // spacing is kept at the gateway; the two writes may travel with a few ms of different delay
    expect(onLock0[1]!.startedHr - onLock0[0]!.startedHr).toBeGreaterThanOrEqual(550);
    // another lock is not held back
    const onLock1 = sim.site.pulses.find((p) => p.coil === 1)!;
    expect(onLock1.startedHr).toBeLessThan(onLock0[1]!.startedHr);
  });
});
