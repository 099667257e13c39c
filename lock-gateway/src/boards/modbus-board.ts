/** The Modbus adapter of RelayBoard, for both TCP and RTU endpoints (modbus-serial). */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { ConnectionState } from '../modbus/connection-state.js';
import type { Endpoint } from '../modbus/endpoint.js';
import { ModbusConnection, type ConnectionTiming, type Exec } from '../modbus/modbus-connection.js';
import { BoardHealth, type ControllerLinkState } from './board-health.js';
import type { BoardIo, RelayBoard, RequestOptions } from './relay-board.js';

/** A relay board reached over Modbus TCP or RTU. */
export class ModbusBoard extends EventEmitter<{ state: [ConnectionState] }> implements RelayBoard {
  private readonly connection: ModbusConnection;
  private readonly io: BoardIo;
  readonly health: BoardHealth;

  constructor(endpoint: Extract<Endpoint, { kind: 'tcp' | 'rtu' }>, timing: ConnectionTiming, log: Logger) {
    super();
    this.connection = new ModbusConnection(endpoint, timing, log);
    this.health = new BoardHealth(endpoint.key, log);
    this.connection.on('state', (s) => {
      this.health.onConnection(s);
      this.emit('state', s);
    });
    this.io = ioOver(
      (unitId, op, fn, options) => this.connection.request(unitId, op, fn, options),
      this.health,
    );
  }

  get key(): string {
    return this.connection.endpoint.key;
  }

  get state(): ConnectionState {
    return this.connection.state;
  }

  get epoch(): number {
    return this.connection.epoch;
  }

  get requestMs(): number {
    return this.connection.requestMs;
  }

  get link(): ControllerLinkState {
    return this.health.snapshot;
  }

  setOnConnected(hook: (io: BoardIo) => Promise<void>): void {
    this.connection.setOnConnected((exec) => hook(ioOver(exec, this.health)));
  }

  start(): void {
    this.connection.start();
  }

  waitConnected(deadline: number): Promise<boolean> {
    return this.connection.waitConnected(deadline);
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  readCoils(unitId: number, start: number, count: number): Promise<boolean[]> {
    return this.io.readCoils(unitId, start, count);
  }
  readDiscreteInputs(unitId: number, start: number, count: number): Promise<boolean[]> {
    return this.io.readDiscreteInputs(unitId, start, count);
  }
  readHoldingRegisters(unitId: number, start: number, count: number): Promise<number[]> {
    return this.io.readHoldingRegisters(unitId, start, count);
  }
  readInputRegisters(unitId: number, start: number, count: number): Promise<number[]> {
    return this.io.readInputRegisters(unitId, start, count);
  }
  writeCoil(unitId: number, coil: number, on: boolean, options?: RequestOptions): Promise<void> {
    return this.io.writeCoil(unitId, coil, on, options);
  }
  writeCoils(unitId: number, start: number, values: boolean[], options?: RequestOptions): Promise<void> {
    return this.io.writeCoils(unitId, start, values, options);
  }
  writeRegister(unitId: number, address: number, value: number, options?: RequestOptions): Promise<void> {
    return this.io.writeRegister(unitId, address, value, options);
  }
  writeRegisters(unitId: number, address: number, values: number[], options?: RequestOptions): Promise<void> {
    return this.io.writeRegisters(unitId, address, values, options);
  }
}

/** The BoardIo operations over one way of executing requests, each outcome told to `health`. */
function ioOver(exec: Exec, health: BoardHealth): BoardIo {
  const tracked = async <T>(promise: Promise<T>, isRead: boolean): Promise<T> => {
    try {
      const value = await promise;
      health.ok(isRead);
      return value;
    } catch (error) {
      health.fault(error);
      throw error;
    }
  };
  return {
    // modbus-serial pads bit reads to whole bytes: trim to what was asked.
    readCoils: (u, s, n) =>
      tracked(
        exec(u, { fc: 1, address: s, count: n }, async (c) => (await c.readCoils(s, n)).data.slice(0, n)),
        true,
      ),
    readDiscreteInputs: (u, s, n) =>
      tracked(
        exec(u, { fc: 2, address: s, count: n }, async (c) =>
          (await c.readDiscreteInputs(s, n)).data.slice(0, n),
        ),
        true,
      ),
    readHoldingRegisters: (u, s, n) =>
      tracked(
        exec(u, { fc: 3, address: s, count: n }, async (c) =>
          (await c.readHoldingRegisters(s, n)).data.slice(0, n),
        ),
        true,
      ),
    readInputRegisters: (u, s, n) =>
      tracked(
        exec(u, { fc: 4, address: s, count: n }, async (c) =>
          (await c.readInputRegisters(s, n)).data.slice(0, n),
        ),
        true,
      ),
    writeCoil: (u, coil, on, o) =>
      tracked(
        exec(u, { fc: 5, address: coil }, async (c) => void (await c.writeCoil(coil, on)), o),
        false,
      ),
    writeCoils: (u, s, values, o) =>
      tracked(
        exec(
          u,
          { fc: 15, address: s, count: values.length },
          async (c) => void (await c.writeCoils(s, values)),
          o,
        ),
        false,
      ),
    writeRegister: (u, a, v, o) =>
      tracked(
        exec(u, { fc: 6, address: a }, async (c) => void (await c.writeRegister(a, v)), o),
        false,
      ),
    writeRegisters: (u, a, values, o) =>
      tracked(
        exec(
          u,
          { fc: 16, address: a, count: values.length },
          async (c) => void (await c.writeRegisters(a, values)),
          o,
        ),
        false,
      ),
  };
}
