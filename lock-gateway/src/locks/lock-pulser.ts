/**
 * Releases one lock: a timed pulse on its relay. Where the board can time the pulse itself
 * (holding-register "flash" block) one write does it and a gateway crash cannot leave the
 * relay on; otherwise coil on, wait, coil off, and success means both writes confirmed.
 */
import type { BoardIo, RelayBoard } from '../boards/relay-board.js';
import { DeviceError, LinkError, NotSentError } from '../modbus/modbus-errors.js';

/** How the pulse is timed on a given board unit. */
export type PulseMethod = { kind: 'register'; base: number } | { kind: 'coil' };

/** The result of one pulse attempt. `sent: false` means the board cannot have acted. */
export type PulseOutcome = { ok: true } | { ok: false; sent: boolean; reason: string };

/** Pulses `coil` on `unitId` for `pulseMs` using `method`. */
export async function pulseLock(
  board: BoardIo & Pick<RelayBoard, 'epoch' | 'state'>,
  unitId: number,
  coil: number,
  pulseMs: number,
  method: PulseMethod,
): Promise<PulseOutcome> {
  if (method.kind === 'register') {
    try {
      await board.writeRegister(unitId, method.base + coil, Math.min(0xffff, Math.max(1, Math.round(pulseMs))));
      return { ok: true };
    } catch (error) {
      return failed(error, 'timed pulse write');
    }
  }
  const epoch = board.epoch;
  try {
    await board.writeCoil(unitId, coil, true);
  } catch (error) {
    return failed(error, 'relay on');
  }
  await sleep(pulseMs);
  if (board.epoch !== epoch || board.state.kind !== 'connected') {
    // The link was rebuilt mid-pulse, and the rebuild switched every relay off: the pulse
    // was cut short. Reported as failed, never repeated (the latch may have released).
    return { ok: false, sent: true, reason: 'link to the controller lost mid-pulse; relays switched off on reconnect' };
  }
  // Switching off is idempotent, so it is retried; a broken link is also covered by the
  // all-relays-off write the board does when it comes back.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await board.writeCoil(unitId, coil, false);
      return { ok: true };
    } catch (error) {
      lastError = error;
      if (error instanceof LinkError) break;
      await sleep(20);
    }
  }
  return { ok: false, sent: true, reason: `relay switched on but the off write was not confirmed: ${message(lastError)}` };
}

function failed(error: unknown, step: string): PulseOutcome {
  if (error instanceof NotSentError) return { ok: false, sent: false, reason: `${step} not sent: ${error.message}` };
  if (error instanceof DeviceError) return { ok: false, sent: true, reason: `${step} refused by the board: ${error.message}` };
  return { ok: false, sent: true, reason: `${step} not confirmed (link failed): ${message(error)}` };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
