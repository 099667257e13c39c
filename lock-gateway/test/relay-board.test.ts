/** Runs the RelayBoard contract against every adapter. */
import { ModbusBoard } from '../src/boards/modbus-board.js';
import { SimulatedBoard } from '../src/boards/simulated-board.js';
import { parseEndpoint } from '../src/modbus/endpoint.js';
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

relayBoardContract('in-memory simulated', async () => {
  const site = new SimSite(uniformUnits([1, 2], shape));
  const board = new SimulatedBoard('sim://contract', site);
  return { board, site, breakLink: () => board.interrupt(50), dispose: async () => site.dispose() };
});

const skip = await rtuSkipReason();
relayBoardContract('Modbus RTU (serial, socat pty pair)', () => rtuHarness(timing, shape), skip ? { skip } : {});
