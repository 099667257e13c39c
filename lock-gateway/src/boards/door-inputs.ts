/**
 * Reads a contiguous block of door inputs the way the board's profile says (FC2 bits or
 * FC4 registers, offset addressing) and interprets each under its polarity.
 */
import { inputAddress, isOpen, type BoardProfile } from './board-profile.js';
import type { BoardIo } from './relay-board.js';

/** One read of inputs `start..start+count-1` (compartment numbering). */
export interface DoorRead {
  /** Raw level per input (true = high). */
  raw: boolean[];
  /** Interpreted: true = open. */
  open: boolean[];
}

/** Reads and interprets one block of door inputs. */
export async function readDoorInputs(
  io: BoardIo,
  profile: BoardProfile,
  unitId: number,
  start: number,
  count: number,
): Promise<DoorRead> {
  const address = inputAddress(profile, start);
  const raw =
    profile.doors.source === 'input-registers'
      ? (await io.readInputRegisters(unitId, address, count)).map((v) => v !== 0)
      : await io.readDiscreteInputs(unitId, address, count);
  return { raw, open: raw.map((high, i) => isOpen(profile, start + i, high)) };
}
