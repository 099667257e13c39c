/**
 * Executes UNLOCK commands: each id at most once (also across restarts, via the store),
 * never after its expiry, one pulse at a time per lock with a minimum interval between
 * pulses (duty cycle of the solenoid), then acknowledges the outcome.
 */
import type { Logger } from 'pino';
import type { GatewayCommand, CommandResult } from '../link/api.types.js';
import type { BoardProfile } from '../boards/board-profile.js';
import { pulseLock, sleep } from '../locks/lock-pulser.js';
import { RequestQueue } from '../modbus/request-queue.js';
import type { BoardPool } from '../gateway/board-pool.js';
import type { AckOutbox } from './ack-outbox.js';
import type { CommandStore } from './command-store.js';

/** The outcome of one command as acknowledged. */
export interface CommandOutcome {
  result: CommandResult;
  error: string | null;
  /** False when this delivery was a duplicate answered from memory. */
  executed: boolean;
}

/** Dependencies and policy of the executor. */
export interface CommandExecutorOptions {
  store: CommandStore;
  pool: BoardPool;
  outbox: AckOutbox;
  minPulseIntervalMs: number;
  /** A pulse must be acknowledged this long before the command expires. */
  expiryMarginMs: number;
  log: Logger;
}

/** Runs gateway commands against the boards. */
export class CommandExecutor {
  private readonly inFlight = new Map<string, Promise<CommandOutcome>>();
  private readonly lockQueues = new Map<string, RequestQueue>();
  private readonly lastPulse = new Map<string, number>();

  constructor(private readonly options: CommandExecutorOptions) {}

  /**
   * Handles one delivery of a command; duplicate deliveries share or replay the outcome.
   * `acknowledge: false` for the site's own offline pulses, which the server never issued.
   */
  handle(command: GatewayCommand, options: { acknowledge?: boolean } = {}): Promise<CommandOutcome> {
    const running = this.inFlight.get(command.id);
    if (running) return running.then((o) => ({ ...o, executed: false }));
    const p = this.run(command, options.acknowledge ?? true).finally(() => this.inFlight.delete(command.id));
    this.inFlight.set(command.id, p);
    return p;
  }

  /** Resolves when every command under way has finished (shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async run(command: GatewayCommand, acknowledge: boolean): Promise<CommandOutcome> {
    const { store, outbox, log } = this.options;
    const prior = store.get(command.id);
    if (prior) {
      const outcome: CommandOutcome =
        prior.phase === 'done'
          ? { result: prior.result, error: prior.error, executed: false }
          : // The pulse may have happened before the crash: the door readings settle it, not us.
            {
              result: 'UNCERTAIN',
              error: 'interrupted by a gateway restart after it began; not repeated',
              executed: false,
            };
      if (prior.phase === 'begun') {
        try {
          store.finish(command.id, command.expiresAt, outcome.result, outcome.error);
        } catch (e) {
          log.error({ commandId: command.id, error: (e as Error).message }, 'could not journal the outcome');
        }
      }
      log.info(
        { commandId: command.id, result: outcome.result },
        'duplicate command: answered from the journal',
      );
      if (acknowledge) await outbox.ack(command.id, outcome.result, outcome.error);
      return outcome;
    }
    const { result, error } = await this.execute(command);
    try {
      store.finish(command.id, command.expiresAt, result, error);
    } catch (e) {
      // The "begin" line already prevents a repeat; the ack below still tells the server.
      log.error({ commandId: command.id, error: (e as Error).message }, 'could not journal the outcome');
    }
    log.info(
      { commandId: command.id, compartmentId: command.compartmentId, result, error },
      'command executed',
    );
    if (acknowledge) void outbox.ack(command.id, result, error);
    return { result, error, executed: true };
  }

  private async execute(command: GatewayCommand): Promise<{ result: CommandResult; error: string | null }> {
    const expiresAt = Date.parse(command.expiresAt);
    if (command.type !== 'UNLOCK') return fail(`unsupported command type ${command.type}`);
    if (!(expiresAt > Date.now())) return fail('expired before it could be executed');
    const { endpoint, unitId, coil } = command.modbus;
    const key = `${endpoint}|${unitId}|${coil}`;
    let queue = this.lockQueues.get(key);
    if (!queue) this.lockQueues.set(key, (queue = new RequestQueue()));
    return queue.run(() => this.pulseWhenAllowed(command, key, expiresAt));
  }

  private async pulseWhenAllowed(
    command: GatewayCommand,
    key: string,
    expiresAt: number,
  ): Promise<{ result: CommandResult; error: string | null }> {
    const { pool, store, minPulseIntervalMs, expiryMarginMs } = this.options;
    const { endpoint, unitId, coil } = command.modbus;
    // The server stops waiting for the ack at expiresAt and re-sends nothing after it: the
    // pulse must be over and acknowledged by then (a door opening later is still judged by
    // its reading time against the server's window, but an ack is the clearest evidence).
    const lastStart = (profile: BoardProfile): number =>
      expiresAt -
      expiryMarginMs -
      (profile.pulse.kind === 'coil' ? Math.min(command.pulseMs, profile.maxOnMs) : 0);
    const readyAt = (this.lastPulse.get(key) ?? -Infinity) + minPulseIntervalMs;
    if (readyAt >= expiresAt - expiryMarginMs) return fail('expired while waiting for the lock duty cycle');
    if (readyAt > Date.now()) await sleep(readyAt - Date.now());
    pool.noteCoil(endpoint, unitId, coil);
    const board = pool.get(endpoint);
    let begun = false;
    for (;;) {
      if (!(await board.waitConnected(expiresAt - expiryMarginMs))) {
        const cause = board.link.error;
        return fail(
          `controller ${endpoint} unreachable until expiry${cause ? ` (last error: ${cause})` : ''}`,
        );
      }
      const profile = pool.profile(endpoint, unitId);
      if (Date.now() >= lastStart(profile)) return fail('expired before it could be executed');
      if (!begun) {
        try {
          store.begin(command.id, command.expiresAt);
        } catch (error) {
          // Without the journal line a restart could pulse again: refuse rather than risk it.
          return fail(`cannot record the command durably (${(error as Error).message}); not executed`);
        }
      }
      begun = true;
      this.lastPulse.set(key, Date.now());
      const outcome = await pulseLock(board, unitId, coil, command.pulseMs, profile);
      if (outcome.kind === 'succeeded') return { result: 'SUCCEEDED', error: null };
      // The relay may have switched (a reboot mid-pulse, an answer lost after the ON write):
      // never repeated and never FAILED: UNCERTAIN, which the server settles by the door readings.
      if (outcome.kind === 'uncertain') return { result: 'UNCERTAIN', error: outcome.reason };
      // Refused by the board (an exception answer): the relay did not switch.
      if (outcome.sent) return fail(outcome.reason);
      // Only a request that never left may be tried again.
      this.options.log.warn(
        { commandId: command.id, reason: outcome.reason },
        'pulse not sent; waiting for the controller',
      );
    }
  }
}

function fail(error: string): { result: CommandResult; error: string } {
  return { result: 'FAILED', error };
}
