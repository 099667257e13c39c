/**
 * A board profile: how one kind of relay board is driven, as configured for a bank (the
 * server's `BoardProfile`, chosen by the installer). Nothing here is guessed at run time:
 * a board that does not match its profile is found by `--check`, not by probing.
 */

/** How a lock is pulsed. */
export type PulseSpec =
  /** Coil on, wait, coil off: the gateway times the pulse (FC5). */
  | { kind: 'coil' }
  /**
   * The board times the pulse: one write of `valueBase + duration / unitMs` to
   * `address + relay` with `function` (6 or 16); e.g. a "flash" command in 100 ms units.
   */
  | { kind: 'timed'; function: 6 | 16; address: number; unitMs: number; valueBase: number; maxUnits: number };

/** How doors are read. */
export interface DoorSpec {
  /** FC2 discrete inputs, or FC4 input registers (non-zero = high). */
  source: 'discrete-inputs' | 'input-registers';
  /** The level that means OPEN: high for normally-open sensors (1 = open), low for NC. */
  openWhen: 'high' | 'low';
  /** Door inputs (as configured on compartments) wired the other way round. */
  invertedInputs: number[];
}

/** One board profile. */
export interface BoardProfile {
  /** The preset it came from ("generic-coil", ...) or "custom". */
  name: string;
  pulse: PulseSpec;
  doors: DoorSpec;
  /** Added to a compartment's coil number to get the wire address (-1 for boards numbered from 1). */
  coilOffset: number;
  /** Added to a compartment's door input to get the wire address. */
  inputOffset: number;
  /** No relay stays on longer than this (the solenoid's limit); longer pulses are cut to it. */
  maxOnMs: number;
}

/** The safe default: coils on/off timed by the gateway, normally-open sensors on discrete inputs. */
export const GENERIC_COIL_BOARD: BoardProfile = Object.freeze({
  name: 'generic-coil',
  pulse: { kind: 'coil' },
  doors: { source: 'discrete-inputs', openWhen: 'high', invertedInputs: [] },
  coilOffset: 0,
  inputOffset: 0,
  maxOnMs: 2000,
}) as BoardProfile;

/** The wire address of relay `coil`. */
export function coilAddress(profile: BoardProfile, coil: number): number {
  return coil + profile.coilOffset;
}

/** The wire address of door input `input`. */
export function inputAddress(profile: BoardProfile, input: number): number {
  return input + profile.inputOffset;
}

/** Whether a raw input level means the door is open, under the profile's polarity. */
export function isOpen(profile: BoardProfile, input: number, high: boolean): boolean {
  const openHigh = profile.doors.openWhen === 'high';
  const inverted = profile.doors.invertedInputs.includes(input);
  return high === (openHigh !== inverted);
}

/** The BoardProfile object of `gatewayConfig` (GraphQL shape). */
export interface BoardProfileWire {
  preset: string;
  pulse: 'COIL' | 'TIMED';
  timedFunction: number | null;
  timedAddress: number | null;
  timedUnitMs: number | null;
  timedValueBase: number | null;
  doorSource: 'DISCRETE_INPUTS' | 'INPUT_REGISTERS';
  doorOpenWhen: 'HIGH' | 'LOW';
  invertedInputs: number[];
  coilOffset: number;
  inputOffset: number;
  maxOnMs: number;
}

/** Fields of BoardProfile the gateway selects. */
export const BOARD_PROFILE_FIELDS =
  'preset pulse timedFunction timedAddress timedUnitMs timedValueBase doorSource doorOpenWhen invertedInputs coilOffset inputOffset maxOnMs';

/** The gateway's profile from the server's (which validated it). */
export function profileFromWire(w: BoardProfileWire): BoardProfile {
  const timedFunction = w.timedFunction === 16 ? 16 : 6;
  return {
    name: w.preset,
    pulse:
      w.pulse === 'TIMED'
        ? {
            kind: 'timed',
            function: timedFunction,
            address: w.timedAddress ?? 0,
            unitMs: Math.max(1, w.timedUnitMs ?? 1),
            valueBase: w.timedValueBase ?? 0,
            maxUnits: w.timedValueBase ? 0xff : 0xffff,
          }
        : { kind: 'coil' },
    doors: {
      source: w.doorSource === 'INPUT_REGISTERS' ? 'input-registers' : 'discrete-inputs',
      openWhen: w.doorOpenWhen === 'LOW' ? 'low' : 'high',
      invertedInputs: [...w.invertedInputs],
    },
    coilOffset: w.coilOffset,
    inputOffset: w.inputOffset,
    maxOnMs: w.maxOnMs,
  };
}
