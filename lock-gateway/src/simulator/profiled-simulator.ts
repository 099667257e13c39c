/**
 * A simulator in this process, named the way its CLI is configured (a board profile by
 * name): what the launcher's `simInProcess` option takes, for tests and the benchmark.
 */
import { SIM_BOARD_PROFILES } from './sim-config.js';
import { startSimulator, type Simulator } from './simulator.js';

/** Options as the launcher passes them. */
export interface ProfiledSimulatorOptions {
  modbusPort: number;
  httpPort: number;
  autoCloseMs: number | null;
  /** A key of SIM_BOARD_PROFILES (`SIM_PROFILE`). */
  profile: string;
  ncInputs: boolean;
}

/** Starts a simulator with the named board profile; an unknown profile is refused. */
export function startProfiledSimulator(options: ProfiledSimulatorOptions): Promise<Simulator> {
  const board = (
    SIM_BOARD_PROFILES as Record<
      string,
      { pulseRegisterBase: number | null; pulseUnitMs: number } | undefined
    >
  )[options.profile];
  if (!board) {
    throw new Error(`SIM_PROFILE must be one of ${Object.keys(SIM_BOARD_PROFILES).join(', ')}`);
  }
  return startSimulator({
    modbusPort: options.modbusPort,
    httpPort: options.httpPort,
    autoCloseMs: options.autoCloseMs,
    ...board,
    ncInputs: options.ncInputs,
  });
}
