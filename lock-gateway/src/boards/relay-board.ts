/**
 * The relay-board interface the gateway drives. Adapters: Modbus TCP and Modbus RTU
 * (modbus-board.ts) and an in-memory simulated board (simulated-board.ts); all pass one
 * contract suite (relay-board.contract.ts).
 */
import type { EventEmitter } from 'node:events';
import type { ConnectionState } from '../modbus/connection-state.js';

/** The Modbus data operations a board offers (addresses are 0-based). */
export interface BoardIo {
  readCoils(unitId: number, start: number, count: number): Promise<boolean[]>;
  readDiscreteInputs(unitId: number, start: number, count: number): Promise<boolean[]>;
  readHoldingRegisters(unitId: number, start: number, count: number): Promise<number[]>;
  writeCoil(unitId: number, coil: number, on: boolean): Promise<void>;
  writeCoils(unitId: number, start: number, values: boolean[]): Promise<void>;
  writeRegister(unitId: number, address: number, value: number): Promise<void>;
}

/**
 * One controller endpoint with its connection. Requests fail with NotSentError when not
 * connected, LinkError when the link broke under them, DeviceError on a Modbus exception.
 */
export interface RelayBoard extends BoardIo, Pick<EventEmitter<{ state: [ConnectionState] }>, 'on' | 'off'> {
  /** Endpoint key, e.g. "tcp://127.0.0.1:5020". */
  readonly key: string;
  readonly state: ConnectionState;
  /** Counts connections made: a change between two requests means the link was rebuilt (and relays reset). */
  readonly epoch: number;
  /** Work run first after every (re)connect, before any queued request. */
  setOnConnected(hook: (io: BoardIo) => Promise<void>): void;
  start(): void;
  /** Resolves true once connected, false when `deadline` (epoch ms) passes. */
  waitConnected(deadline: number): Promise<boolean>;
  close(): Promise<void>;
}
