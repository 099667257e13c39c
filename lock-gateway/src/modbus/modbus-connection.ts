/**
 * One connection to one controller endpoint (TCP or RTU), shared by every unit id behind
 * it. Requests are queued, each with a timeout; link failures (close, timeout, socket
 * error) tear the connection down and reconnect with backoff, device exceptions do not.
 * On every (re)connect a hook runs before any queued request (the board switches all
 * relays off there).
 */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { backoffDelay, ReconnectLoop } from '../shared/reconnect-loop.js';
import { checkTransition } from '../shared/state-machine.js';
import { CONNECTION_TRANSITIONS, type ConnectionState } from './connection-state.js';
import type { Endpoint } from './endpoint.js';
import { ModbusRTU, type ModbusClient } from './modbus-client.js';
import { classifyModbusError, DeviceError, LinkError, NotSentError } from './modbus-errors.js';
import { describeException, describeOp, type ModbusOp } from './modbus-op.js';
import { RequestQueue, type QueueOptions } from './request-queue.js';

/** Timing of one connection. */
export interface ConnectionTiming {
  requestTimeoutMs: number;
  connectTimeoutMs: number;
  backoffMinMs: number;
  backoffMaxMs: number;
}

/** Runs one request (`op`, for naming its faults) on a connected client for a unit id. */
export type Exec = <T>(
  unitId: number,
  op: ModbusOp,
  fn: (client: ModbusClient) => Promise<T>,
  options?: QueueOptions,
) => Promise<T>;

/** A serialised, self-healing modbus-serial connection. */
export class ModbusConnection extends EventEmitter<{ state: [ConnectionState] }> {
  private current: ConnectionState = { kind: 'idle' };
  private client: ModbusClient | null = null;
  private readonly queue = new RequestQueue();
  private lost: ((reason: string) => void) | null = null;
  private closedSignal: Promise<never> | null = null;
  private readonly reconnect = new ReconnectLoop({
    connecting: (attempt) => this.setState({ kind: 'connecting', attempt, since: Date.now() }),
    connect: (up) => this.connection(up),
    delayAfter: (failures) =>
      backoffDelay(Math.max(1, failures), this.timing.backoffMinMs, this.timing.backoffMaxMs),
    down: (attempt, error, delay) => {
      this.setState({ kind: 'backoff', attempt, retryAt: Date.now() + delay, error });
      this.log.warn({ endpoint: this.endpoint.key, error, retryInMs: delay }, 'modbus link down');
    },
  });
  private onConnected: ((exec: Exec) => Promise<void>) | null = null;
  private connections = 0;
  /** RTU: requests in a row that no unit answered (a dead port often never reports closing). */
  private silentInARow = 0;

  constructor(
    readonly endpoint: Extract<Endpoint, { kind: 'tcp' | 'rtu' }>,
    private readonly timing: ConnectionTiming,
    private readonly log: Logger,
  ) {
    super();
  }

  /** The connection's state right now. */
  get state(): ConnectionState {
    return this.current;
  }

  /** Connections made so far (see RelayBoard.epoch). */
  get epoch(): number {
    return this.connections;
  }

  /** Work that must run first after every (re)connect; a link failure in it reconnects. */
  setOnConnected(hook: (exec: Exec) => Promise<void>): void {
    this.onConnected = hook;
  }

  /** Starts connecting (and keeps reconnecting until close()). */
  start(): void {
    if (this.current.kind !== 'idle') return;
    void this.reconnect.start();
  }

  /** Queues a request; NotSentError at once when not connected when its turn comes. */
  request<T>(
    unitId: number,
    op: ModbusOp,
    fn: (client: ModbusClient) => Promise<T>,
    options: QueueOptions = {},
  ): Promise<T> {
    return this.queue.run(
      async () => {
        const client = this.client;
        if (this.current.kind !== 'connected' || !client) {
          throw new NotSentError(`${describeOp(op, unitId)} not sent: ${this.endpoint.key} not connected`);
        }
        return this.exec(client, unitId, op, fn);
      },
      { ...options, measure: true },
    );
  }

  /** What one request takes on this link (ms, moving average). */
  get requestMs(): number {
    return this.queue.requestMs;
  }

  /** Resolves true once connected, false if `deadline` (epoch ms) passes first. */
  waitConnected(deadline: number): Promise<boolean> {
    if (this.current.kind === 'connected') return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), Math.max(0, deadline - Date.now()));
      const onState = (s: ConnectionState): void => {
        if (s.kind === 'connected') done(true);
        if (s.kind === 'closed') done(false);
      };
      const done = (value: boolean): void => {
        clearTimeout(timer);
        this.off('state', onState);
        resolve(value);
      };
      this.on('state', onState);
    });
  }

  /** Stops reconnecting, lets queued requests finish or fail, and closes the link. */
  async close(): Promise<void> {
    if (this.reconnect.stopped) return;
    void this.reconnect.stop();
    await this.queue.run(() => Promise.resolve());
    this.teardown();
    this.setState({ kind: 'closed' });
  }

  private async exec<T>(
    client: ModbusClient,
    unitId: number,
    op: ModbusOp,
    fn: (client: ModbusClient) => Promise<T>,
  ): Promise<T> {
    client.setID(unitId);
    try {
      // modbus-serial only notices a dropped link at its timeout: fail at the close instead.
      const result = await Promise.race([
        fn(client),
        this.closedSignal ?? Promise.reject(new LinkError('no link')),
      ]);
      this.silentInARow = 0;
      return result;
    } catch (error) {
      let failure = this.named(classifyModbusError(error, this.endpoint.kind), op, unitId);
      if (isTimeout(error) && this.endpoint.kind === 'rtu' && ++this.silentInARow >= RTU_SILENT_LIMIT) {
        // One silent unit is its own problem; the whole bus silent means the port is gone.
        failure = new LinkError(
          `no unit answered ${this.silentInARow} requests in a row (last: ${failure.message}): reopening the port`,
        );
      } else if (!isTimeout(error)) this.silentInARow = 0;
      if (failure instanceof LinkError && client === this.client) this.linkFailed(failure);
      throw failure;
    }
  }

  /** The same failure, its message naming the request, the unit and the cause. */
  private named(failure: LinkError | DeviceError, op: ModbusOp, unitId: number): LinkError | DeviceError {
    const what = `${describeOp(op, unitId)} at ${this.endpoint.key}`;
    if (failure instanceof DeviceError) {
      const cause = failure.timedOut
        ? `timeout (no answer within ${this.timing.requestTimeoutMs} ms)`
        : failure.exceptionCode > 0
          ? describeException(failure.exceptionCode)
          : failure.message;
      return new DeviceError(failure.exceptionCode, `${cause} on ${what}`, failure.timedOut);
    }
    const cause = failure.timedOut
      ? `timeout (no answer within ${this.timing.requestTimeoutMs} ms)`
      : `link failed (${failure.message})`;
    const named = new LinkError(`${cause} on ${what}`);
    named.timedOut = failure.timedOut;
    return named;
  }

  /** One connection's life for the reconnect loop: why it ended, or why it never came up. */
  private async connection(up: () => void): Promise<string> {
    try {
      const { lost } = await this.connectOnce();
      up();
      return await lost;
    } catch (e) {
      this.teardown();
      return (e as Error).message;
    }
  }

  /**
   * Opens the link and runs the hook; resolves once connected, with a promise of the reason the
   * link is later lost (wrapped: an async function would flatten a returned promise into its own).
   */
  private async connectOnce(): Promise<{ lost: Promise<string> }> {
    const client = new ModbusRTU();
    client.on('error', () => undefined); // surfaced through requests and 'close'
    let rejectClosed: (e: LinkError) => void = () => undefined;
    this.closedSignal = new Promise<never>((_, reject) => (rejectClosed = reject));
    this.closedSignal.catch(() => undefined);
    const lost = new Promise<string>((resolve) => {
      this.lost = resolve;
    });
    this.client = client;
    await withTimeout(
      this.open(client),
      this.timing.connectTimeoutMs,
      `connect to ${this.endpoint.key} timed out`,
    );
    client.setTimeout(this.timing.requestTimeoutMs);
    client.on('close', () => {
      rejectClosed(new LinkError('connection closed by peer'));
      if (client === this.client) this.linkFailed(new LinkError('connection closed by peer'));
    });
    this.connections++;
    this.silentInARow = 0;
    const hook = this.onConnected;
    if (hook)
      await this.queue.run(() => hook((unitId, op, fn) => this.exec(client, unitId, op, fn)), {
        urgent: true,
      });
    if (client !== this.client) throw new LinkError('link lost while initialising');
    this.setState({ kind: 'connected', since: Date.now() });
    this.log.info({ endpoint: this.endpoint.key }, 'modbus link up');
    return { lost };
  }

  private open(client: ModbusClient): Promise<void> {
    const ep = this.endpoint;
    if (ep.kind === 'tcp') return client.connectTCP(ep.host, { port: ep.port });
    return client.connectRTUBuffered(ep.path, {
      baudRate: ep.baudRate,
      parity: ep.parity,
      dataBits: ep.dataBits,
      stopBits: ep.stopBits,
    });
  }

  private linkFailed(error: LinkError): void {
    this.log.debug({ endpoint: this.endpoint.key, error: error.message }, 'modbus link failure');
    this.teardown(error.message);
  }

  /** Drops the client; whoever waits for the link to be lost is told. */
  private teardown(reason = 'closed'): void {
    const client = this.client;
    const lost = this.lost;
    this.client = null;
    this.lost = null;
    lost?.(reason);
    if (client) {
      try {
        // A serial port must be closed (destroy keeps its lock and the reopen fails with
        // "Cannot lock port"); a TCP socket is destroyed so a hung peer cannot hold it.
        if (this.endpoint.kind === 'rtu') client.close(() => undefined);
        else client.destroy(() => undefined);
      } catch {
        // already gone
      }
    }
  }

  private setState(next: ConnectionState): void {
    this.current = checkTransition(`modbus ${this.endpoint.key}`, CONNECTION_TRANSITIONS, this.current, next);
    this.emit('state', next);
  }
}

/** Consecutive unanswered RTU requests that count as a dead port. */
const RTU_SILENT_LIMIT = 3;

function isTimeout(error: unknown): boolean {
  return (error as { errno?: string } | undefined)?.errno === 'ETIMEDOUT';
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new LinkError(message)), ms);
    promise.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(classifyModbusError(e));
      },
    );
  });
}
