/**
 * Each controller's link state as the board layer sees it (up/down, since when, the last
 * good read, the last error), for the gateway's presence report; and every fault logged at
 * warn with its cause, once per distinct cause (repeats counted, re-logged each minute),
 * so a board that refuses every read is visible without flooding the log.
 */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { ConnectionState } from '../modbus/connection-state.js';
import { NotSentError } from '../modbus/modbus-errors.js';

/** One controller's link, as carried to the server (the field names of the ControllerLink presence input). */
export interface ControllerLinkState {
  endpoint: string;
  up: boolean;
  /** When `up` last changed (ISO). */
  since: string;
  /** The last read any unit answered (ISO), null before the first. */
  lastGoodReadAt: string | null;
  /** The last fault, named (function, unit, cause), and when it happened. */
  error: string | null;
  errorAt: string | null;
}

const RELOG_MS = 60_000;

/** Tracks one controller's link state and names its faults. */
export class BoardHealth extends EventEmitter<{ change: [ControllerLinkState] }> {
  private current: ControllerLinkState;
  private lastWarned: { message: string; at: number; repeats: number } | null = null;

  constructor(
    endpoint: string,
    private readonly log: Logger,
  ) {
    super();
    this.current = {
      endpoint,
      up: false,
      since: new Date().toISOString(),
      lastGoodReadAt: null,
      error: null,
      errorAt: null,
    };
  }

  /** The link state now. */
  get snapshot(): ControllerLinkState {
    return { ...this.current };
  }

  /** Follows the connection: up while connected. */
  onConnection(state: ConnectionState): void {
    const up = state.kind === 'connected';
    if (state.kind === 'backoff') this.noteError(state.error);
    if (up === this.current.up) return;
    this.current = { ...this.current, up, since: new Date().toISOString() };
    this.emit('change', this.snapshot);
  }

  /** A request was answered. */
  ok(isRead: boolean): void {
    if (isRead) this.current.lastGoodReadAt = new Date().toISOString();
    if (this.lastWarned) {
      this.log.info(
        { endpoint: this.current.endpoint, after: this.lastWarned.message, repeats: this.lastWarned.repeats },
        'controller answers again',
      );
      this.lastWarned = null;
    }
  }

  /**
   * A request failed: logged at warn with its cause (the error message names it). A request
   * not sent because the link is down is no new fault: the link's own failure was.
   */
  fault(error: unknown): void {
    if (error instanceof NotSentError) return;
    const message = error instanceof Error ? error.message : String(error);
    this.noteError(message);
    const now = Date.now();
    const last = this.lastWarned;
    if (last && last.message === message && now - last.at < RELOG_MS) {
      last.repeats++;
      return;
    }
    this.log.warn(
      {
        endpoint: this.current.endpoint,
        fault: message,
        repeats: last?.message === message ? last.repeats : 0,
      },
      'controller fault',
    );
    this.lastWarned = { message, at: now, repeats: 0 };
  }

  private noteError(message: string): void {
    this.current.error = message;
    this.current.errorAt = new Date().toISOString();
    this.emit('change', this.snapshot);
  }
}
