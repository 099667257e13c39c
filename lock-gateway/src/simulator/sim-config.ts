/** Reads the simulator's options from env (SIM_*) and flags, validated once. */
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

/** Simulator options from env and flags (flags win); throws on bad values. */
export function simulatorOptionsFrom(env: NodeJS.ProcessEnv, flags: Flags): SimulatorOptions {
  const pick = (flag: string, name: string): string | undefined => {
    const v = flags[flag];
    return typeof v === 'string' ? v : env[name];
  };
  const int = (flag: string, name: string, fallback: number, min: number, max: number): number => {
    const raw = pick(flag, name);
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`${name} must be an integer in ${min}..${max}`);
    return n;
  };
  const units = (pick('units', 'SIM_UNITS') ?? DEFAULT_SIMULATOR_OPTIONS.unitIds.join(','))
    .split(',')
    .map((s) => Number(s.trim()));
  if (units.some((u) => !Number.isInteger(u) || u < 0 || u > 255))
    throw new Error('SIM_UNITS must list unit ids 0..255');
  const autoClose = pick('auto-close-ms', 'SIM_AUTO_CLOSE_MS');
  const profile = pick('profile', 'SIM_PROFILE') ?? 'flash-ms';
  const board = (
    SIM_BOARD_PROFILES as Record<
      string,
      { pulseRegisterBase: number | null; pulseUnitMs: number } | undefined
    >
  )[profile];
  if (!board) throw new Error(`SIM_PROFILE must be one of ${Object.keys(SIM_BOARD_PROFILES).join(', ')}`);
  const nc = flags['nc-inputs'] === true || ['1', 'true'].includes(env.SIM_NC_INPUTS ?? '');
  return Object.freeze({
    host: pick('host', 'SIM_HOST') ?? DEFAULT_SIMULATOR_OPTIONS.host,
    modbusPort: int('port', 'SIM_MODBUS_PORT', DEFAULT_SIMULATOR_OPTIONS.modbusPort, 0, 65535),
    httpPort: int('http-port', 'SIM_HTTP_PORT', DEFAULT_SIMULATOR_OPTIONS.httpPort ?? 5021, 0, 65535),
    unitIds: units,
    coils: int('coils', 'SIM_COILS', DEFAULT_SIMULATOR_OPTIONS.coils, 1, 1968),
    inputs: int('inputs', 'SIM_INPUTS', DEFAULT_SIMULATOR_OPTIONS.inputs, 1, 2000),
    ...board,
    ncInputs: nc,
    openDelayMs: int('open-delay-ms', 'SIM_OPEN_DELAY_MS', DEFAULT_SIMULATOR_OPTIONS.openDelayMs, 0, 60_000),
    autoCloseMs: autoClose ? int('auto-close-ms', 'SIM_AUTO_CLOSE_MS', 0, 1, 3_600_000) : null,
  });
}
