/**
 * The relay-board interface the gateway drives. Adapters: Modbus TCP and Modbus RTU
 * (modbus-board.ts) and an in-memory simulated board (simulated-board.ts); all pass one
 * contract suite (relay-board.contract.ts).
 */
import type { EventEmitter } from 'node:events';
import type { ConnectionState } from '../modbus/connection-state.js';
import type { QueueOptions } from '../modbus/request-queue.js';
import type { ControllerLinkState } from './board-health.js';

/** How a request is queued: `urgent` (+ `notBefore`) for the OFF of a running pulse. */
export type RequestOptions = Pick<QueueOptions, 'urgent' | 'notBefore' | 'onStart'>;

/** The Modbus data operations a board offers (addresses are 0-based, as on the wire). */
export interface BoardIo {
  readCoils(unitId: number, start: number, count: number): Promise<boolean[]>;
  readDiscreteInputs(unitId: number, start: number, count: number): Promise<boolean[]>;
  readHoldingRegisters(unitId: number, start: number, count: number): Promise<number[]>;
  readInputRegisters(unitId: number, start: number, count: number): Promise<number[]>;
  writeCoil(unitId: number, coil: number, on: boolean, options?: RequestOptions): Promise<void>;
  writeCoils(unitId: number, start: number, values: boolean[], options?: RequestOptions): Promise<void>;
  writeRegister(unitId: number, address: number, value: number, options?: RequestOptions): Promise<void>;
  writeRegisters(unitId: number, address: number, values: number[], options?: RequestOptions): Promise<void>;
}

/**
 * One controller endpoint with its connection. Requests fail with NotSentError when not
 * connected, LinkError when the link broke under them, DeviceError on a Modbus exception;
 * every message names the request, the unit and the cause.
 */
export interface RelayBoard extends BoardIo, Pick<EventEmitter<{ state: [ConnectionState] }>, 'on' | 'off'> {
  /** Endpoint key, e.g. "tcp://127.0.0.1:5020". */
  readonly key: string;
  readonly state: ConnectionState;
  /** Counts connections made: a change between two requests means the link was rebuilt (and relays reset). */
  readonly epoch: number;
  /** What one request takes on this link (ms, moving average): pulses book their OFF with it. */
  readonly requestMs: number;
  /** The controller's link state (up/down, since, last good read, last error). */
  readonly link: ControllerLinkState;
  /** Work run first after every (re)connect, before any queued request. */
  setOnConnected(hook: (io: BoardIo) => Promise<void>): void;
  start(): void;
  /** Resolves true once connected, false when `deadline` (epoch ms) passes. */
  waitConnected(deadline: number): Promise<boolean>;
  close(): Promise<void>;
}
