/**
 * What a unit answers, for commissioning (`--check`): each function a profile may use is
 * tried once and its answer named (answers / refused with exception N / no answer), and
 * from that and the raw door levels a profile is suggested. Nothing here runs in the
 * gateway itself: profiles are configured, never guessed at run time.
 */
import type { BoardProfile } from './board-profile.js';
import type { RelayBoard } from './relay-board.js';
import { DeviceError, NotSentError } from '../modbus/modbus-errors.js';

/** The answer to one probe. */
export type ProbeAnswer =
  | { kind: 'answers' }
  | { kind: 'refused'; code: number }
  | { kind: 'silent' | 'unreachable'; detail: string };

/** One unit's answers, by function. */
export interface UnitProbe {
  coils: ProbeAnswer;
  discreteInputs: ProbeAnswer;
  inputRegisters: ProbeAnswer;
  /** FC3 at the timed-pulse address (the profile's, or 512 where flash blocks usually are). */
  pulseRegisters: ProbeAnswer;
  pulseAddress: number;
}

/** Tries `read` once; a timeout (which resets a TCP link) waits for the link to come back. */
async function probe(
  board: RelayBoard,
  read: () => Promise<unknown>,
  settleMs: number,
): Promise<ProbeAnswer> {
  try {
    await read();
    return { kind: 'answers' };
  } catch (error) {
    if (error instanceof DeviceError && !error.timedOut)
      return { kind: 'refused', code: error.exceptionCode };
    if (error instanceof NotSentError) return { kind: 'unreachable', detail: error.message };
    await board.waitConnected(Date.now() + settleMs);
    return { kind: 'silent', detail: (error as Error).message };
  }
}

/** Probes one unit: coils, discrete inputs, input registers, pulse registers. */
export async function probeUnit(
  board: RelayBoard,
  profile: BoardProfile,
  unitId: number,
  inputs: { start: number; count: number },
  maxCoil: number,
  settleMs: number,
): Promise<UnitProbe> {
  const pulseAddress = profile.pulse.kind === 'timed' ? profile.pulse.address : 512;
  const start = Math.max(0, inputs.start + profile.inputOffset);
  return {
    coils: await probe(
      board,
      () => board.readCoils(unitId, Math.max(0, profile.coilOffset), maxCoil + 1),
      settleMs,
    ),
    discreteInputs: await probe(board, () => board.readDiscreteInputs(unitId, start, inputs.count), settleMs),
    inputRegisters: await probe(board, () => board.readInputRegisters(unitId, start, inputs.count), settleMs),
    pulseRegisters: await probe(
      board,
      () => board.readHoldingRegisters(unitId, pulseAddress + Math.max(0, profile.coilOffset), 1),
      settleMs,
    ),
    pulseAddress,
  };
}

/** "answers", "refused (exception 2)", "no answer". */
export function describeAnswer(a: ProbeAnswer): string {
  if (a.kind === 'answers') return 'answers';
  if (a.kind === 'refused') return `refused (exception ${a.code})`;
  return a.kind === 'silent' ? 'no answer' : 'unreachable';
}

/**
 * Profile changes the readings point to, in words and as BoardProfileInput fields. `raw`
 * holds the raw levels read with the configured profile (null when the read failed); doors
 * are expected closed while commissioning.
 */
export function suggestProfile(
  profile: BoardProfile,
  probe: UnitProbe,
  raw: boolean[] | null,
  inputNumbers: number[],
): Array<{ why: string; change: Record<string, unknown> }> {
  const out: Array<{ why: string; change: Record<string, unknown> }> = [];
  const configuredRead =
    profile.doors.source === 'input-registers' ? probe.inputRegisters : probe.discreteInputs;
  const otherRead = profile.doors.source === 'input-registers' ? probe.discreteInputs : probe.inputRegisters;
  if (configuredRead.kind !== 'answers' && otherRead.kind === 'answers') {
    const source = profile.doors.source === 'input-registers' ? 'DISCRETE_INPUTS' : 'INPUT_REGISTERS';
    out.push({
      why: `doors: ${profile.doors.source} ${describeAnswer(configuredRead)} but ${source.toLowerCase().replace('_', ' ')} answer`,
      change: { doorSource: source },
    });
  }
  if (raw && raw.length > 0) {
    const closedLevelHigh = profile.doors.openWhen === 'low';
    const looksOpen = raw.map(
      (high, i) =>
        (high !== closedLevelHigh) !== profile.doors.invertedInputs.includes(inputNumbers[i] ?? -1),
    );
    const open = looksOpen.filter(Boolean).length;
    if (open === raw.length && raw.length > 1) {
      out.push({
        why: `every door reads open: with the doors shut, the sensors are probably normally-${profile.doors.openWhen === 'high' ? 'closed' : 'open'}`,
        change: { doorOpenWhen: profile.doors.openWhen === 'high' ? 'LOW' : 'HIGH' },
      });
    } else if (open > 0 && open <= raw.length / 4) {
      const odd = inputNumbers.filter((_, i) => looksOpen[i]);
      out.push({
        why: `inputs ${odd.join(', ')} read open while the others read closed: open doors, or sensors wired the other way`,
        change: { invertedInputs: odd },
      });
    }
  }
  if (profile.pulse.kind === 'coil' && probe.pulseRegisters.kind === 'answers') {
    out.push({
      why: `holding register ${probe.pulseAddress} answers: the board may time pulses itself (check its manual for the flash command and unit before choosing a TIMED profile; coil pulses work as they are)`,
      change: {},
    });
  }
  if (profile.pulse.kind === 'timed' && probe.pulseRegisters.kind !== 'answers') {
    out.push({
      why: `the profile times pulses at register ${probe.pulseAddress} but it ${describeAnswer(probe.pulseRegisters)}: use the generic coil board`,
      change: { preset: 'generic-coil', pulse: 'COIL' },
    });
  }
  if (probe.coils.kind === 'refused')
    out.push({
      why: `coils ${describeAnswer(probe.coils)}: check the coil offset (boards numbered from 1 need coilOffset -1 or +1)`,
      change: {},
    });
  return out;
}
