/**
 * Relays never left energised, and pulses cut by a reboot reported as uncertain (not as
 * failures: the door may well have opened; the server settles it by the door readings).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Gateway } from '../src/gateway/gateway.js';
import { silentLogger } from '../src/logging/logger.js';
import { startSimulator, type Simulator } from '../src/simulator/simulator.js';
import { executorRig, type ExecutorRig } from './support/executor-rig.js';
import { RecordingApi, tempStateDir, testConfig, unlockCommand, waitFor } from './support/fixtures.js';

let sim: Simulator;
const rigs: ExecutorRig[] = [];

beforeEach(async () => {
  sim = await startSimulator({ modbusPort: 0, httpPort: null, openDelayMs: 20, pulseRegisterBase: null });
});

afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.close()));
  await sim.stop();
});

describe.each([false, true])('a controller rebooting mid-pulse (keeps its relays: %s)', (keepRelays) => {
  it('the outcome is uncertain, never repeated, and the relay ends off once it answers again', async () => {
    const r = executorRig(sim.endpoint);
    rigs.push(r);
    await r.pool.get(sim.endpoint).waitConnected(Date.now() + 2000);
    // The relay's state is read halfway through the reboot: by the time the pulse's outcome is
    // known (its OFF is due 50 ms after the board is back) the gateway may already have
    // switched it off, depending on how soon it reconnects.
    let rebootEnds = 0;
    let heldDuringReboot: boolean | undefined;
    sim.site.once('pulseStart', () =>
      setTimeout(() => {
        sim.site.reboot(300, keepRelays);
        rebootEnds = Date.now() + 300;
        setTimeout(() => (heldDuringReboot = sim.site.requireUnit(1).coils[6]), 150);
      }, 50),
    );
    const command = unlockCommand(sim.endpoint, 1, 6, { pulseMs: 400 });
    const outcome = await r.executor.handle(command);
    expect(outcome.result).toBe('UNCERTAIN');
    expect(outcome.error).toMatch(/rebuilt mid-pulse|not confirmed/);
    expect(sim.site.requireUnit(1).doors[6]).toBe(true); // the door did open
    expect(heldDuringReboot).toBe(keepRelays); // a board that keeps its relays holds it on...
    await waitFor(() => sim.site.requireUnit(1).coils[6] === false, 'relay off', 3000);
    expect(Date.now() - rebootEnds).toBeLessThan(1000); // ...until the gateway is back, within a second
    await r.executor.handle({ ...command });
    expect(sim.site.pulses).toHaveLength(1);
  });
});

describe('a relay left energised by a gateway crash', () => {
  it('is switched off by the next start within a second, before the server is reached', async () => {
    const stateDir = tempStateDir();
    const first = executorRig(sim.endpoint, { stateDir });
    await first.pool.get(sim.endpoint).waitConnected(Date.now() + 2000);
    await first.close();
    sim.site.requireUnit(1).setCoil(3, true); // what a crash between ON and OFF leaves behind
    const api = new RecordingApi();
    api.offline = true;
    const started = Date.now();
    const gateway = new Gateway(testConfig({ stateDir, modbusBackoffMinMs: 30 }), silentLogger(), { api });
    gateway.start();
    try {
      await waitFor(() => sim.site.requireUnit(1).coils[3] === false, 'relay off', 2000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(gateway.currentSetup).toBeNull(); // no config from the server was needed
    } finally {
      await gateway.stop();
    }
  });
});
