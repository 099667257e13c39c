/**
 * One RelayBoard per controller endpoint, created on first use and kept connected. On every
 * (re)connect each board switches every known relay off (a controller that rebooted or a
 * link that broke mid-pulse must not leave a latch energised) and learns how pulses are
 * timed on each unit.
 */
import type { Logger } from 'pino';
import { createBoard, type SimRegistry } from '../boards/board-factory.js';
import type { BoardIo, RelayBoard } from '../boards/relay-board.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import type { GatewayCompartment } from '../link/api.types.js';
import type { PulseMethod } from '../locks/lock-pulser.js';
import { DeviceError } from '../modbus/modbus-errors.js';

/** Every board of this gateway. */
export class BoardPool {
  private readonly boards = new Map<string, RelayBoard>();
  /** endpoint -> unit id -> highest coil in use. */
  private readonly coils = new Map<string, Map<number, number>>();
  /** `${endpoint}|${unit}` -> learned pulse method. */
  private readonly methods = new Map<string, PulseMethod>();

  constructor(
    private readonly config: GatewayConfig,
    private readonly log: Logger,
    private readonly sims?: SimRegistry,
    /** false for read-only tools (--check): they must not cut a running gateway's pulse short. */
    private readonly resetOnConnect = true,
  ) {}

  /** Tells the pool which coils exist (from gatewayConfig). */
  setLayout(compartments: GatewayCompartment[]): void {
    for (const c of compartments) this.noteCoil(c.modbus.endpoint, c.modbus.unitId, c.modbus.coil);
  }

  /** Remembers a coil so the all-off write covers it. */
  noteCoil(endpoint: string, unitId: number, coil: number): void {
    const units = this.coils.get(endpoint) ?? new Map<number, number>();
    units.set(unitId, Math.max(units.get(unitId) ?? 0, coil));
    this.coils.set(endpoint, units);
  }

  /** The started board for `endpoint`. */
  get(endpoint: string): RelayBoard {
    let board = this.boards.get(endpoint);
    if (!board) {
      board = createBoard(
        endpoint,
        {
          requestTimeoutMs: this.config.modbusTimeoutMs,
          connectTimeoutMs: this.config.modbusConnectTimeoutMs,
          backoffMinMs: this.config.modbusBackoffMinMs,
          backoffMaxMs: this.config.modbusBackoffMaxMs,
        },
        this.log,
        this.sims,
      );
      board.setOnConnected((io) => this.onConnected(endpoint, io));
      this.boards.set(endpoint, board);
      board.start();
    }
    return board;
  }

  /** How pulses are timed on this unit (learned at connect; coil when unknown). */
  pulseMethod(endpoint: string, unitId: number): PulseMethod {
    const mode = this.config.pulseMode;
    if (mode === 'coil') return { kind: 'coil' };
    if (mode === 'register') return { kind: 'register', base: this.config.pulseRegisterBase };
    return this.methods.get(`${endpoint}|${unitId}`) ?? { kind: 'coil' };
  }

  /** Every board created so far. */
  all(): RelayBoard[] {
    return [...this.boards.values()];
  }

  /** Closes every board. */
  async close(): Promise<void> {
    await Promise.all(this.all().map((b) => b.close()));
  }

  private async onConnected(endpoint: string, io: BoardIo): Promise<void> {
    for (const [unitId, maxCoil] of this.coils.get(endpoint) ?? []) {
      if (this.resetOnConnect) await this.allOff(endpoint, unitId, maxCoil, io);
      if (this.config.pulseMode === 'auto') await this.probe(endpoint, unitId, io);
    }
    this.log.info({ endpoint, relaysReset: this.resetOnConnect }, 'controller connected');
  }

  private async allOff(endpoint: string, unitId: number, maxCoil: number, io: BoardIo): Promise<void> {
    try {
      await io.writeCoils(unitId, 0, new Array<boolean>(maxCoil + 1).fill(false));
    } catch (error) {
      // A unit that refuses the write is not a broken link; other units still get theirs.
      if (!(error instanceof DeviceError)) throw error;
      this.log.error({ endpoint, unitId, error: error.message }, 'could not switch relays off');
    }
  }

  /** Reads the first pulse register: a board that has the block answers, others refuse. */
  private async probe(endpoint: string, unitId: number, io: BoardIo): Promise<void> {
    const base = this.config.pulseRegisterBase;
    try {
      await io.readHoldingRegisters(unitId, base, 1);
      this.methods.set(`${endpoint}|${unitId}`, { kind: 'register', base });
    } catch (error) {
      if (!(error instanceof DeviceError)) throw error;
      this.methods.set(`${endpoint}|${unitId}`, { kind: 'coil' });
    }
    this.log.info({ endpoint, unitId, pulse: this.methods.get(`${endpoint}|${unitId}`)?.kind }, 'pulse method');
  }
}
