/** Public surface of the simulator for tests, the e2e harness and the benchmark. */
export {
  startSimulator,
  DEFAULT_SIMULATOR_OPTIONS,
  type Simulator,
  type SimulatorOptions,
} from './simulator.js';
export { startProfiledSimulator, type ProfiledSimulatorOptions } from './profiled-simulator.js';
export { SimSite, type SimFaults, type DoorView } from './sim-site.js';
export { SimUnit, type PulseRecord } from './sim-unit.js';
export { SimControlClient } from './control-client.js';
export { DoorLog, type DoorRecord } from './door-log.js';
