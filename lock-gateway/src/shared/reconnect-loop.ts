/**
 * The reconnect loop both of the gateway's links run (the server link, and each Modbus
 * controller connection): connect, live until the connection ends, wait, connect again, until
 * stopped. Failures in a row are counted; a connection that came up resets the count. What a
 * connection is, how long to wait and what state to show stay with the link.
 */

/** What a link plugs into the loop. */
export interface ReconnectHandlers {
  /** Attempt `attempt` begins (1-based: failures in a row so far, plus one). */
  connecting(attempt: number): void;
  /**
   * One connection from opening to its end: calls `up()` once it is usable, and resolves with
   * why it ended (or why it never came up). Never rejects.
   */
  connect(up: () => void): Promise<string>;
  /** How long to wait after `failures` failed attempts in a row (0: it had been up). */
  delayAfter(failures: number): number;
  /** The link is down; the next attempt is `delayMs` away. `attempt` is at least 1. */
  down(attempt: number, reason: string, delayMs: number): void;
}

/** Delay before reconnect attempt `attempt` (1-based): exponential with jitter, capped. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
  // Jitter spreads reconnects of many gateways after a shared outage.
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** Runs `handlers` until stop(). */
export class ReconnectLoop {
  #stopped = false;
  #wake: (() => void) | null = null;
  #done: Promise<void> | null = null;

  constructor(private readonly handlers: ReconnectHandlers) {}

  /** True once stop() was called. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** Starts the loop (once); resolves when it has ended after stop(). */
  start(): Promise<void> {
    this.#done ??= this.#run();
    return this.#done;
  }

  /**
   * Stops reconnecting and cuts a wait short. The link ends its live connection itself (the
   * loop ends once that connection's `connect` resolves).
   */
  stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    return this.#done ?? Promise.resolve();
  }

  async #run(): Promise<void> {
    let failures = 0;
    while (!this.#stopped) {
      failures++;
      this.handlers.connecting(failures);
      const reason = await this.handlers.connect(() => {
        failures = 0;
      });
      if (this.#stopped) break;
      const delay = this.handlers.delayAfter(failures);
      this.handlers.down(Math.max(1, failures), reason, delay);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = null;
    }
  }
}
