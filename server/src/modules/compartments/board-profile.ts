/**
 * Board profiles: how a bank's relay boards are driven (see the gateway README's hardware
 * section). Kept on the bank (locker_bank.board_profile, jsonb; null = the generic coil
 * board), validated here once, sent to the gateway in gatewayConfig, chosen in admin-web.
 */
import { badInput } from '../../errors/domain-error.js';

export type PulseKind = 'COIL' | 'TIMED';
export type DoorSource = 'DISCRETE_INPUTS' | 'INPUT_REGISTERS';
export type InputLevel = 'HIGH' | 'LOW';

/** A validated profile, as stored and as served. */
export interface BoardProfileData {
  preset: string;
  pulse: PulseKind;
  timedFunction: number | null;
  timedAddress: number | null;
  timedUnitMs: number | null;
  timedValueBase: number | null;
  doorSource: DoorSource;
  doorOpenWhen: InputLevel;
  invertedInputs: number[];
  coilOffset: number;
  inputOffset: number;
  maxOnMs: number;
}

const NO_TIMED = { timedFunction: null, timedAddress: null, timedUnitMs: null, timedValueBase: null };

/** The safe default: coil on/off timed by the gateway, normally-open sensors on discrete inputs. */
export const GENERIC_COIL: BoardProfileData = {
  preset: 'generic-coil',
  pulse: 'COIL',
  ...NO_TIMED,
  doorSource: 'DISCRETE_INPUTS',
  doorOpenWhen: 'HIGH',
  invertedInputs: [],
  coilOffset: 0,
  inputOffset: 0,
  maxOnMs: 2000,
};

/** The profiles an installer picks from (a new board: a new entry here, see the README). */
export const BOARD_PRESETS: readonly BoardProfileData[] = [
  GENERIC_COIL,
  { ...GENERIC_COIL, preset: 'generic-coil-nc', doorOpenWhen: 'LOW' },
  { ...GENERIC_COIL, preset: 'generic-coil-input-registers', doorSource: 'INPUT_REGISTERS' },
  // Relay modules with a "flash" command timed by the board in 100 ms units (FC6, one register per relay).
  {
    ...GENERIC_COIL,
    preset: 'relay-module-flash-100ms',
    pulse: 'TIMED',
    timedFunction: 6,
    timedAddress: 512,
    timedUnitMs: 100,
    timedValueBase: 0,
  },
  // Boards (and the simulator) whose flash block takes milliseconds.
  {
    ...GENERIC_COIL,
    preset: 'flash-register-ms',
    pulse: 'TIMED',
    timedFunction: 6,
    timedAddress: 512,
    timedUnitMs: 1,
    timedValueBase: 0,
  },
];

/** A profile as the installer sent it (any field may be left to the preset). */
export type BoardProfileInputData = { [K in keyof BoardProfileData]?: BoardProfileData[K] | null };

const int = (field: string, value: number, min: number, max: number): number => {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(`board.${field}`, `board.${field} must be an integer in ${min}..${max}`);
  return value;
};

/** The preset named by `input.preset` (generic-coil when absent) with the given fields applied; throws BAD_USER_INPUT naming the field. */
export function checkBoardProfile(input: BoardProfileInputData | null | undefined): BoardProfileData {
  if (!input) return GENERIC_COIL;
  const base = BOARD_PRESETS.find((p) => p.preset === (input.preset ?? 'generic-coil'));
  if (!base)
    throw badInput(
      'board.preset',
      `board.preset must be one of ${BOARD_PRESETS.map((p) => p.preset).join(', ')}`,
    );
  const defined = Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<BoardProfileData>;
  const p: BoardProfileData = { ...base, ...defined, preset: base.preset };
  const changed = (Object.keys(defined) as (keyof BoardProfileData)[]).some(
    (k) => k !== 'preset' && JSON.stringify(defined[k]) !== JSON.stringify(base[k]),
  );
  if (changed) p.preset = 'custom';
  if (!['COIL', 'TIMED'].includes(p.pulse))
    throw badInput('board.pulse', 'board.pulse must be COIL or TIMED');
  if (p.pulse === 'TIMED') {
    if (p.timedFunction !== 6 && p.timedFunction !== 16)
      throw badInput('board.timedFunction', 'board.timedFunction must be 6 or 16 for a board-timed pulse');
    int('timedAddress', p.timedAddress ?? -1, 0, 65535);
    int('timedUnitMs', p.timedUnitMs ?? 0, 1, 10_000);
    int('timedValueBase', p.timedValueBase ?? 0, 0, 0xff00);
  } else Object.assign(p, NO_TIMED);
  int('coilOffset', p.coilOffset, -1, 1000);
  int('inputOffset', p.inputOffset, -1, 1000);
  int('maxOnMs', p.maxOnMs, 50, 10_000);
  if (p.invertedInputs.length > 256)
    throw badInput('board.invertedInputs', 'board.invertedInputs lists at most 256 inputs');
  for (const i of p.invertedInputs) int('invertedInputs', i, 0, 65535);
  p.invertedInputs = [...new Set(p.invertedInputs)].sort((a, b) => a - b);
  return p;
}

/** The profile stored on a bank (null: the generic coil board). */
export function storedProfile(raw: unknown): BoardProfileData {
  return raw && typeof raw === 'object'
    ? { ...GENERIC_COIL, ...(raw as Partial<BoardProfileData>) }
    : GENERIC_COIL;
}
