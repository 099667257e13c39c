/**
 * The whole simulator: boards + Modbus TCP server + control API, started together and
 * stopped together. Tests start it in-process on port 0.
 */
import { startControlApi, type ControlApi } from './http-api.js';
import { startModbusTcpServer, type ModbusTcpServer } from './modbus-tcp-server.js';
import { SimSite, uniformUnits } from './sim-site.js';

/** Everything the simulator needs to start. */
export interface SimulatorOptions {
  host: string;
  modbusPort: number;
  /** null: no control API (in-process tests use the SimSite directly). */
  httpPort: number | null;
  unitIds: number[];
  coils: number;
  inputs: number;
  /** The flash block (see SimUnitOptions); null: a generic coil board. */
  pulseRegisterBase: number | null;
  pulseUnitMs: number;
  ncInputs: boolean;
  openDelayMs: number;
  autoCloseMs: number | null;
}

/** A running simulator. */
export interface Simulator {
  readonly site: SimSite;
  readonly modbus: ModbusTcpServer;
  readonly control: ControlApi | null;
  /** "tcp://host:port" as a gateway's config names it. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Defaults matching the demo seed: units 1 and 2, 12 locks each. */
export const DEFAULT_SIMULATOR_OPTIONS: SimulatorOptions = {
  host: '127.0.0.1',
  modbusPort: 5020,
  httpPort: 5021,
  unitIds: [1, 2],
  coils: 12,
  inputs: 12,
  pulseRegisterBase: 512,
  pulseUnitMs: 1,
  ncInputs: false,
  openDelayMs: 30,
  autoCloseMs: null,
};

/** Starts boards, Modbus TCP server and (optionally) the control API. */
export async function startSimulator(partial: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  const options = { ...DEFAULT_SIMULATOR_OPTIONS, ...partial };
  const site = new SimSite(
    uniformUnits(options.unitIds, {
      coils: options.coils,
      inputs: options.inputs,
      pulseRegisterBase: options.pulseRegisterBase,
      pulseUnitMs: options.pulseUnitMs,
      ncInputs: options.ncInputs,
      openDelayMs: options.openDelayMs,
      autoCloseMs: options.autoCloseMs,
    }),
  );
  const modbus = await startModbusTcpServer(site, options.host, options.modbusPort);
  const control =
    options.httpPort === null
      ? null
      : await startControlApi(site, options.host, options.httpPort, modbus.connections);
  return {
    site,
    modbus,
    control,
    endpoint: `tcp://${options.host}:${modbus.port}`,
    async stop() {
      await control?.close();
      await modbus.close();
      site.dispose();
    },
  };
}
