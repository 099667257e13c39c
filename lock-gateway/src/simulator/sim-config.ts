/** Reads the simulator's options from env (SIM_*) and flags, validated once. */
import { EnvProblemsError, EnvReader, intSchema, listSchema } from '@lockers/common/env';
import { DEFAULT_SIMULATOR_OPTIONS, type SimulatorOptions } from './simulator.js';

/**
 * The boards the simulator can be: with the flash block in ms (the default), a generic
 * coil board (no pulse registers at all), or a relay module timing flashes in 100 ms units.
 */
export const SIM_BOARD_PROFILES = {
  'flash-ms': { pulseRegisterBase: 512, pulseUnitMs: 1 },
  'generic-coil': { pulseRegisterBase: null, pulseUnitMs: 1 },
  'flash-100ms': { pulseRegisterBase: 512, pulseUnitMs: 100 },
} as const satisfies Record<string, { pulseRegisterBase: number | null; pulseUnitMs: number }>;

type Flags = Partial<Record<string, string | boolean | undefined>>;

/** The flag that overrides each variable. */
const FLAGS = {
  host: 'SIM_HOST',
  port: 'SIM_MODBUS_PORT',
  'http-port': 'SIM_HTTP_PORT',
  units: 'SIM_UNITS',
  coils: 'SIM_COILS',
  inputs: 'SIM_INPUTS',
  profile: 'SIM_PROFILE',
  'open-delay-ms': 'SIM_OPEN_DELAY_MS',
  'auto-close-ms': 'SIM_AUTO_CLOSE_MS',
} as const;

/** Simulator options from env and flags (flags win); throws listing every bad value. */
export function simulatorOptionsFrom(env: NodeJS.ProcessEnv, flags: Flags): SimulatorOptions {
  const source: Record<string, string | undefined> = { ...env };
  for (const [flag, name] of Object.entries(FLAGS)) {
    const value = flags[flag];
    if (typeof value === 'string') source[name] = value;
  }
  const vars = new EnvReader(source);
  const units = vars.read('SIM_UNITS', listSchema(intSchema(0, 255)), DEFAULT_SIMULATOR_OPTIONS.unitIds, {
    message: 'must list unit ids 0..255',
  });
  const profiles = Object.keys(SIM_BOARD_PROFILES) as [
    keyof typeof SIM_BOARD_PROFILES,
    ...(keyof typeof SIM_BOARD_PROFILES)[],
  ];
  const profile = vars.oneOf('SIM_PROFILE', profiles, 'flash-ms', 'one of');
  // Only 1 and true turn NC inputs on; anything else leaves them NO.
  const nc = flags['nc-inputs'] === true || ['1', 'true'].includes(env.SIM_NC_INPUTS ?? '');
  const options: SimulatorOptions = {
    host: vars.text('SIM_HOST') ?? DEFAULT_SIMULATOR_OPTIONS.host,
    modbusPort: vars.int('SIM_MODBUS_PORT', DEFAULT_SIMULATOR_OPTIONS.modbusPort, 0, 65535),
    httpPort: vars.int('SIM_HTTP_PORT', DEFAULT_SIMULATOR_OPTIONS.httpPort ?? 5021, 0, 65535),
    unitIds: units,
    coils: vars.int('SIM_COILS', DEFAULT_SIMULATOR_OPTIONS.coils, 1, 1968),
    inputs: vars.int('SIM_INPUTS', DEFAULT_SIMULATOR_OPTIONS.inputs, 1, 2000),
    ...SIM_BOARD_PROFILES[profile],
    ncInputs: nc,
    openDelayMs: vars.int('SIM_OPEN_DELAY_MS', DEFAULT_SIMULATOR_OPTIONS.openDelayMs, 0, 60_000),
    autoCloseMs: vars.read('SIM_AUTO_CLOSE_MS', intSchema(1, 3_600_000), null),
  };
  if (vars.problems.length > 0) throw new EnvProblemsError('invalid simulator configuration', vars.problems);
  return Object.freeze(options);
}
