/**
 * Releases one lock: a pulse on its relay, as the board's profile says. A board-timed
 * pulse is one write and the board switches the relay off itself; a coil pulse is ON,
 * then an OFF booked on the board's queue for ON-sent + pulse length, ahead of anything
 * else (so on a slow board the relay's on-time holds), with pulses on one board spread so
 * that two OFFs never compete for the same moment of the link.
 *
 * The outcome says whether the lock was released: succeeded, failed (the board cannot
 * have acted, or refused), or uncertain (the ON may have reached the relay: a timeout
 * after sending, a link rebuilt or a board rebooted mid-pulse). An uncertain pulse is
 * settled by the door readings, never repeated.
 */
import { coilAddress, type BoardProfile } from '../boards/board-profile.js';
import type { BoardIo, RelayBoard, RequestOptions } from '../boards/relay-board.js';
import { DeviceError, NotSentError } from '../modbus/modbus-errors.js';

/** The result of one pulse attempt. `failed` with `sent: false` may be tried again. */
export type PulseOutcome =
  | { kind: 'succeeded'; onMs: number | null }
  | { kind: 'failed'; sent: boolean; reason: string }
  | { kind: 'uncertain'; reason: string };

type PulseBoard = BoardIo & Pick<RelayBoard, 'epoch' | 'state' | 'requestMs'>;

/** OFF times booked per board (epoch ms), to keep pulses on one board apart. */
const booked = new WeakMap<object, Set<number>>();

/** Pulses relay `coil` of `unitId` for `pulseMs` (cut to the profile's maxOnMs). */
export async function pulseLock(
  board: PulseBoard,
  unitId: number,
  coil: number,
  pulseMs: number,
  profile: BoardProfile,
): Promise<PulseOutcome> {
  const ms = Math.max(1, Math.min(pulseMs, profile.maxOnMs));
  const address = coilAddress(profile, coil);
  const pulse = profile.pulse;
  if (pulse.kind === 'timed') {
    const units = Math.min(pulse.maxUnits, Math.max(1, Math.round(ms / pulse.unitMs)));
    const target = pulse.address + address;
    try {
      if (pulse.function === 16) await board.writeRegisters(unitId, target, [pulse.valueBase + units]);
      else await board.writeRegister(unitId, target, pulse.valueBase + units);
      return { kind: 'succeeded', onMs: units * pulse.unitMs };
    } catch (error) {
      return onFailure(error, 'timed pulse write');
    }
  }
  return coilPulse(board, unitId, address, ms);
}

async function coilPulse(
  board: PulseBoard,
  unitId: number,
  address: number,
  ms: number,
): Promise<PulseOutcome> {
  const offs = booked.get(board) ?? new Set<number>();
  booked.set(board, offs);
  // Held until this pulse's OFF is clear of the others (provisionally booked meanwhile).
  let offAt = await waitForSlot(board, offs, ms);
  const epoch = board.epoch;
  let onAt = Date.now();
  try {
    await board.writeCoil(unitId, address, true, { onStart: (t) => (onAt = t) });
  } catch (error) {
    offs.delete(offAt);
    return onFailure(error, 'relay on');
  }
  // The OFF is booked from when the ON left: the board acts on both after the same delay.
  offs.delete(offAt);
  offAt = onAt + ms;
  offs.add(offAt);
  try {
    let offStarted = 0;
    const off: RequestOptions = { urgent: true, notBefore: offAt, onStart: (t) => (offStarted = t) };
    let lastError: unknown = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await board.writeCoil(unitId, address, false, off);
        lastError = null;
        break;
      } catch (error) {
        lastError = error;
        // OFF is idempotent: a refusal or an RTU unit's timeout is tried again (that bus is not
        // reset, so nothing else would switch the relay off); a broken link resets every relay
        // when it returns.
        if (!(error instanceof DeviceError)) break;
      }
    }
    if (board.epoch !== epoch) {
      return {
        kind: 'uncertain',
        reason:
          'link to the controller rebuilt mid-pulse (controller rebooted or link lost); relays switched off on reconnect',
      };
    }
    if (lastError)
      return {
        kind: 'uncertain',
        reason: `relay switched on but the off write failed: ${message(lastError)}`,
      };
    return { kind: 'succeeded', onMs: offStarted - onAt };
  } finally {
    offs.delete(offAt);
  }
}

/**
 * Waits until a pulse starting now would end clear of every OFF already booked on this
 * board: two OFFs closer than about one request would queue behind each other and the
 * later relay would stay on a request's time too long.
 */
async function waitForSlot(board: PulseBoard, offs: Set<number>, ms: number): Promise<number> {
  for (;;) {
    const gap = board.requestMs * 1.5 + 10;
    const wouldEnd = Date.now() + board.requestMs + ms;
    const clash = [...offs].filter((t) => Math.abs(t - wouldEnd) < gap);
    if (clash.length === 0) {
      offs.add(wouldEnd);
      return wouldEnd;
    }
    await sleep(Math.max(...clash) + gap - wouldEnd);
  }
}

function onFailure(error: unknown, step: string): PulseOutcome {
  if (error instanceof NotSentError)
    return { kind: 'failed', sent: false, reason: `${step} not sent: ${error.message}` };
  if (error instanceof DeviceError && !error.timedOut)
    return { kind: 'failed', sent: true, reason: `${step} refused by the board: ${error.message}` };
  return { kind: 'uncertain', reason: `${step} sent but not confirmed: ${message(error)}` };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
