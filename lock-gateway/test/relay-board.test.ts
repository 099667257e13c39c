/** Runs the RelayBoard contract against every adapter, plus what only a serial bus does. */
import { describe, expect, it } from 'vitest';
import { ModbusBoard } from '../src/boards/modbus-board.js';
import { SimulatedBoard } from '../src/boards/simulated-board.js';
import { parseEndpoint } from '../src/modbus/endpoint.js';
import { DeviceError } from '../src/modbus/modbus-errors.js';
import { silentLogger } from '../src/logging/logger.js';
import { startSimulator } from '../src/simulator/simulator.js';
import { SimSite, uniformUnits } from '../src/simulator/sim-site.js';
import { relayBoardContract } from './relay-board.contract.js';
import { rtuHarness, rtuSkipReason } from './support/rtu-harness.js';

const timing = { requestTimeoutMs: 300, connectTimeoutMs: 1000, backoffMinMs: 30, backoffMaxMs: 200 };
const shape = { coils: 12, inputs: 12, pulseRegisterBase: 512, openDelayMs: 0, autoCloseMs: null };

relayBoardContract('Modbus TCP', async () => {
  const sim = await startSimulator({ modbusPort: 0, httpPort: null, openDelayMs: 0 });
  const endpoint = parseEndpoint(sim.endpoint);
  if (endpoint.kind !== 'tcp') throw new Error('expected tcp');
  return {
    board: new ModbusBoard(endpoint, timing, silentLogger()),
    site: sim.site,
    breakLink: () => sim.site.dropConnections(),
    dispose: () => sim.stop(),
  };
});

relayBoardContract('in-memory simulated', () => {
  const site = new SimSite(uniformUnits([1, 2], shape));
  const board = new SimulatedBoard('sim://contract', site);
  return Promise.resolve({
    board,
    site,
    breakLink: () => board.interrupt(50),
    dispose: () => Promise.resolve(site.dispose()),
  });
});

const skip = rtuSkipReason();
// CI installs socat (.ci/run): there a skip would hide a bus that was never tested.
if (skip && process.env.CI) throw new Error(`Modbus RTU tests cannot run in CI: ${skip}`);
relayBoardContract(
  'Modbus RTU (serial, socat pty pair)',
  () => rtuHarness(timing, shape),
  skip ? { skip } : {},
);

describe.skipIf(skip !== null)('Modbus RTU bus behaviour', () => {
  it('a unit that never answers fails its own requests without reopening the port', async () => {
    const h = await rtuHarness(timing, shape);
    h.board.start();
    try {
      expect(await h.board.waitConnected(Date.now() + 3000)).toBe(true);
      const epoch = h.board.epoch;
      for (let i = 0; i < 4; i++) {
        await expect(h.board.readCoils(9, 0, 1)).rejects.toBeInstanceOf(DeviceError); // no unit 9 on the bus
        expect(await h.board.readCoils(1, 0, 1)).toEqual([false]); // the others still answer
      }
      expect(h.board.state.kind).toBe('connected');
      expect(h.board.epoch).toBe(epoch);
    } finally {
      await h.board.close();
      await h.dispose();
    }
  });
});
