/**
 * The in-memory adapter of RelayBoard: no network, the simulator's boards answer the same
 * PDUs the Modbus server would (so exceptions match the TCP adapter's byte for byte).
 * For dry runs (`sim://` endpoints) and tests that do not need a socket.
 */
import { EventEmitter } from 'node:events';
import { CONNECTION_TRANSITIONS, type ConnectionState } from '../modbus/connection-state.js';
import { checkTransition } from '../shared/state-machine.js';
import { DeviceError, LinkError, NotSentError } from '../modbus/modbus-errors.js';
import { answerPdu } from '../simulator/modbus-pdu.js';
import type { SimSite } from '../simulator/sim-site.js';
import type { BoardIo, RelayBoard } from './relay-board.js';

/** A relay board that is a SimSite in this process. */
export class SimulatedBoard extends EventEmitter<{ state: [ConnectionState] }> implements RelayBoard {
  private current: ConnectionState = { kind: 'idle' };
  private hook: ((io: BoardIo) => Promise<void>) | null = null;
  private connections = 0;
  private readonly io: BoardIo;

  constructor(
    readonly key: string,
    private readonly site: SimSite,
  ) {
    super();
    this.io = {
      readCoils: async (u, s, n) => bits(await this.call(u, pdu(1, s, n)), n),
      readDiscreteInputs: async (u, s, n) => bits(await this.call(u, pdu(2, s, n)), n),
      readHoldingRegisters: async (u, s, n) => registers(await this.call(u, pdu(3, s, n)), n),
      writeCoil: async (u, coil, on) => void (await this.call(u, pdu(5, coil, on ? 0xff00 : 0))),
      writeCoils: async (u, s, values) => void (await this.call(u, coilsPdu(s, values))),
      writeRegister: async (u, a, v) => void (await this.call(u, pdu(6, a, v))),
    };
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
      const t = setTimeout(() => {
        this.off('state', on);
        resolve(false);
      }, Math.max(0, deadline - Date.now()));
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
  writeCoil(u: number, coil: number, on: boolean): Promise<void> {
    return this.guard(() => this.io.writeCoil(u, coil, on));
  }
  writeCoils(u: number, s: number, values: boolean[]): Promise<void> {
    return this.guard(() => this.io.writeCoils(u, s, values));
  }
  writeRegister(u: number, a: number, v: number): Promise<void> {
    return this.guard(() => this.io.writeRegister(u, a, v));
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
    if (this.current.kind !== 'connected') return Promise.reject(new NotSentError(`${this.key} not connected`));
    return fn();
  }

  private async call(unitId: number, request: Buffer): Promise<Buffer> {
    const { delayMs, busy, silent } = this.site.faults;
    if (silent) throw new LinkError('simulated board not answering');
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    const answer = busy ? Buffer.from([(request[0] ?? 0) | 0x80, 6]) : answerPdu(this.site.unit(unitId), request);
    const fc = answer[0] ?? 0;
    if (fc & 0x80) throw new DeviceError(answer[1] ?? 0, `Modbus exception ${answer[1] ?? 0}`);
    return answer;
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
