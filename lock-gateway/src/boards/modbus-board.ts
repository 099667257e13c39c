/** The Modbus adapter of RelayBoard, for both TCP and RTU endpoints (modbus-serial). */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { ConnectionState } from '../modbus/connection-state.js';
import type { Endpoint } from '../modbus/endpoint.js';
import { ModbusConnection, type ConnectionTiming, type Exec } from '../modbus/modbus-connection.js';
import type { BoardIo, RelayBoard } from './relay-board.js';

/** A relay board reached over Modbus TCP or RTU. */
export class ModbusBoard extends EventEmitter<{ state: [ConnectionState] }> implements RelayBoard {
  private readonly connection: ModbusConnection;
  private readonly io: BoardIo;

  constructor(endpoint: Extract<Endpoint, { kind: 'tcp' | 'rtu' }>, timing: ConnectionTiming, log: Logger) {
    super();
    this.connection = new ModbusConnection(endpoint, timing, log);
    this.connection.on('state', (s) => this.emit('state', s));
    this.io = ioOver((unitId, fn) => this.connection.request(unitId, fn));
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

  setOnConnected(hook: (io: BoardIo) => Promise<void>): void {
    this.connection.setOnConnected((exec) => hook(ioOver(exec)));
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
  writeCoil(unitId: number, coil: number, on: boolean): Promise<void> {
    return this.io.writeCoil(unitId, coil, on);
  }
  writeCoils(unitId: number, start: number, values: boolean[]): Promise<void> {
    return this.io.writeCoils(unitId, start, values);
  }
  writeRegister(unitId: number, address: number, value: number): Promise<void> {
    return this.io.writeRegister(unitId, address, value);
  }
}

/** The BoardIo operations over one way of executing requests. */
function ioOver(exec: Exec): BoardIo {
  return {
    // modbus-serial pads bit reads to whole bytes: trim to what was asked.
    readCoils: (u, s, n) => exec(u, async (c) => (await c.readCoils(s, n)).data.slice(0, n)),
    readDiscreteInputs: (u, s, n) => exec(u, async (c) => (await c.readDiscreteInputs(s, n)).data.slice(0, n)),
    readHoldingRegisters: (u, s, n) => exec(u, async (c) => (await c.readHoldingRegisters(s, n)).data.slice(0, n)),
    writeCoil: (u, coil, on) => exec(u, async (c) => void (await c.writeCoil(coil, on))),
    writeCoils: (u, s, values) => exec(u, async (c) => void (await c.writeCoils(s, values))),
    writeRegister: (u, a, v) => exec(u, async (c) => void (await c.writeRegister(a, v))),
  };
}
