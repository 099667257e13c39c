/**
 * The in-memory adapter of RelayBoard: no network, the simulator's boards answer the same
 * PDUs the Modbus server would (so exceptions match the TCP adapter's byte for byte).
 * For dry runs (`sim://` endpoints) and tests that do not need a socket.
 */
import { EventEmitter } from 'node:events';
import { CONNECTION_TRANSITIONS, type ConnectionState } from '../modbus/connection-state.js';
import { checkTransition } from '../shared/state-machine.js';
import { DeviceError, LinkError, NotSentError } from '../modbus/modbus-errors.js';
import { describeException, describeOp } from '../modbus/modbus-op.js';
import { RequestQueue } from '../modbus/request-queue.js';
import type { SimSite } from '../simulator/sim-site.js';
import { silentLogger } from '../logging/logger.js';
import { BoardHealth, type ControllerLinkState } from './board-health.js';
import type { BoardIo, RelayBoard, RequestOptions } from './relay-board.js';

/** A relay board that is a SimSite in this process. */
export class SimulatedBoard extends EventEmitter<{ state: [ConnectionState] }> implements RelayBoard {
  private current: ConnectionState = { kind: 'idle' };
  private hook: ((io: BoardIo) => Promise<void>) | null = null;
  private connections = 0;
  private readonly io: BoardIo;
  private readonly queue = new RequestQueue();
  private readonly health: BoardHealth;

  constructor(
    readonly key: string,
    private readonly site: SimSite,
    log = silentLogger(),
  ) {
    super();
    this.health = new BoardHealth(key, log);
    this.on('state', (s) => this.health.onConnection(s));
    this.io = {
      readCoils: async (u, s, n) => bits(await this.call(u, pdu(1, s, n)), n),
      readDiscreteInputs: async (u, s, n) => bits(await this.call(u, pdu(2, s, n)), n),
      readHoldingRegisters: async (u, s, n) => registers(await this.call(u, pdu(3, s, n)), n),
      readInputRegisters: async (u, s, n) => registers(await this.call(u, pdu(4, s, n)), n),
      writeCoil: async (u, coil, on, o) => void (await this.call(u, pdu(5, coil, on ? 0xff00 : 0), o)),
      writeCoils: async (u, s, values, o) => void (await this.call(u, coilsPdu(s, values), o)),
      writeRegister: async (u, a, v, o) => void (await this.call(u, pdu(6, a, v), o)),
      writeRegisters: async (u, a, values, o) => void (await this.call(u, registersPdu(a, values), o)),
    };
  }

  get requestMs(): number {
    return this.queue.requestMs;
  }

  get link(): ControllerLinkState {
    return this.health.snapshot;
  }

  get state(): ConnectionState {
    return this.current;
  }

  get epoch(): number {
    return this.connections;
  }

  setOnConnected(hook: (io: BoardIo) => Promise<void>): void {
    this.hook = hook;
  }

  start(): void {
    if (this.current.kind === 'idle') void this.connect();
  }

  /** Simulates losing the link: state goes to backoff, then reconnects after `ms`. */
  interrupt(ms = 50): void {
    if (this.current.kind !== 'connected') return;
    this.setState({ kind: 'backoff', attempt: 1, retryAt: Date.now() + ms, error: 'simulated link loss' });
    setTimeout(() => void this.connect(), ms);
  }

  waitConnected(deadline: number): Promise<boolean> {
    if (this.current.kind === 'connected') return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(
        () => {
          this.off('state', on);
          resolve(false);
        },
        Math.max(0, deadline - Date.now()),
      );
      const on = (s: ConnectionState): void => {
        if (s.kind !== 'connected') return;
        clearTimeout(t);
        this.off('state', on);
        resolve(true);
      };
      this.on('state', on);
    });
  }

  close(): Promise<void> {
    if (this.current.kind !== 'closed') this.setState({ kind: 'closed' });
    return Promise.resolve();
  }

  readCoils(u: number, s: number, n: number): Promise<boolean[]> {
    return this.guard(() => this.io.readCoils(u, s, n));
  }
  readDiscreteInputs(u: number, s: number, n: number): Promise<boolean[]> {
    return this.guard(() => this.io.readDiscreteInputs(u, s, n));
  }
  readHoldingRegisters(u: number, s: number, n: number): Promise<number[]> {
    return this.guard(() => this.io.readHoldingRegisters(u, s, n));
  }
  readInputRegisters(u: number, s: number, n: number): Promise<number[]> {
    return this.guard(() => this.io.readInputRegisters(u, s, n));
  }
  writeCoil(u: number, coil: number, on: boolean, o?: RequestOptions): Promise<void> {
    return this.guard(() => this.io.writeCoil(u, coil, on, o));
  }
  writeCoils(u: number, s: number, values: boolean[], o?: RequestOptions): Promise<void> {
    return this.guard(() => this.io.writeCoils(u, s, values, o));
  }
  writeRegister(u: number, a: number, v: number, o?: RequestOptions): Promise<void> {
    return this.guard(() => this.io.writeRegister(u, a, v, o));
  }
  writeRegisters(u: number, a: number, values: number[], o?: RequestOptions): Promise<void> {
    return this.guard(() => this.io.writeRegisters(u, a, values, o));
  }

  private async connect(): Promise<void> {
    if (this.current.kind === 'closed' || this.current.kind === 'connected') return;
    this.setState({ kind: 'connecting', attempt: 1, since: Date.now() });
    this.connections++;
    await this.hook?.(this.io);
    if (this.current.kind !== 'connecting') return; // closed meanwhile
    this.setState({ kind: 'connected', since: Date.now() });
  }

  private guard<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current.kind !== 'connected')
      return Promise.reject(new NotSentError(`${this.key} not connected`));
    return fn();
  }

  /** One request through the same queue discipline and fault naming as a real link. */
  private async call(unitId: number, request: Buffer, options: RequestOptions = {}): Promise<Buffer> {
    const op = {
      fc: request[0] ?? 0,
      address: request.readUInt16BE(1),
      count: request[0]! <= 4 || request[0]! >= 15 ? request.readUInt16BE(3) : undefined,
    };
    const what = `${describeOp(op, unitId)} at ${this.key}`;
    try {
      const answer = await this.queue.run(
        async () => {
          const { delayMs } = this.site.faults;
          if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
          const out = this.site.answer(unitId, request);
          if (!out) {
            const error = new LinkError(`timeout (no answer) on ${what}`);
            error.timedOut = true;
            throw error;
          }
          return out;
        },
        { ...options, measure: true },
      );
      const fc = answer[0] ?? 0;
      if (fc & 0x80) throw new DeviceError(answer[1] ?? 0, `${describeException(answer[1] ?? 0)} on ${what}`);
      this.health.ok(op.fc <= 4);
      return answer;
    } catch (error) {
      this.health.fault(error);
      throw error;
    }
  }

  private setState(next: ConnectionState): void {
    this.current = checkTransition(`board ${this.key}`, CONNECTION_TRANSITIONS, this.current, next);
    this.emit('state', next);
  }
}

function pdu(fc: number, a: number, b: number): Buffer {
  const out = Buffer.alloc(5);
  out[0] = fc;
  out.writeUInt16BE(a, 1);
  out.writeUInt16BE(b, 3);
  return out;
}

function registersPdu(start: number, values: number[]): Buffer {
  const out = Buffer.alloc(6 + values.length * 2);
  out[0] = 16;
  out.writeUInt16BE(start, 1);
  out.writeUInt16BE(values.length, 3);
  out[5] = values.length * 2;
  values.forEach((v, i) => out.writeUInt16BE(v, 6 + i * 2));
  return out;
}

function coilsPdu(start: number, values: boolean[]): Buffer {
  const bytes = Math.ceil(values.length / 8);
  const out = Buffer.alloc(6 + bytes);
  out[0] = 15;
  out.writeUInt16BE(start, 1);
  out.writeUInt16BE(values.length, 3);
  out[5] = bytes;
  values.forEach((on, i) => {
    if (on) out[6 + (i >> 3)]! |= 1 << (i & 7);
  });
  return out;
}

function bits(answer: Buffer, n: number): boolean[] {
  return Array.from({ length: n }, (_, i) => (((answer[2 + (i >> 3)] ?? 0) >> (i & 7)) & 1) === 1);
}

function registers(answer: Buffer, n: number): number[] {
  return Array.from({ length: n }, (_, i) => answer.readUInt16BE(2 + i * 2));
}
