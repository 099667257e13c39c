/**
 * One RelayBoard per controller endpoint, created on first use and kept connected, with
 * each unit's board profile (from the bank's configuration). On every (re)connect each
 * board switches every known relay off (a controller that rebooted or a link that broke
 * mid-pulse must not leave a latch energised). The units and coils last configured are
 * kept in the state dir, so a gateway restarted after a crash switches a relay it left on
 * off as soon as the controller answers, before the server is even reached.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { createBoard, type SimRegistry } from '../boards/board-factory.js';
import { coilAddress, GENERIC_COIL_BOARD, type BoardProfile } from '../boards/board-profile.js';
import type { ControllerLinkState } from '../boards/board-health.js';
import type { BoardIo, RelayBoard } from '../boards/relay-board.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import type { GatewayBank, GatewayCompartment } from '../link/api.types.js';
import { DeviceError } from '../modbus/modbus-errors.js';

interface UnitLayout {
  maxCoil: number;
  profile: BoardProfile;
}

type SavedLayout = Array<{ endpoint: string; unitId: number; maxCoil: number; profile: BoardProfile }>;

const LAYOUT_FILE = 'boards.json';

/** Every board of this gateway. */
export class BoardPool {
  private readonly boards = new Map<string, RelayBoard>();
  /** endpoint -> unit id -> highest coil in use and the unit's profile. */
  private readonly units = new Map<string, Map<number, UnitLayout>>();

  constructor(
    private readonly config: GatewayConfig,
    private readonly log: Logger,
    private readonly sims?: SimRegistry,
    /** false for read-only tools (--check): they must not cut a running gateway's pulse short. */
    private readonly resetOnConnect = true,
  ) {}

  /** Connects to the boards of the last saved layout (their relays go off at connect). */
  restoreSavedLayout(): void {
    let saved: SavedLayout;
    try {
      saved = JSON.parse(
        fs.readFileSync(path.join(this.config.stateDir, LAYOUT_FILE), 'utf8'),
      ) as SavedLayout;
    } catch {
      return; // first start, or nothing worth trusting: the server's config comes soon
    }
    for (const u of saved) this.note(u.endpoint, u.unitId, u.maxCoil, u.profile);
    for (const endpoint of this.units.keys()) this.get(endpoint);
  }

  /** Tells the pool which coils exist and each bank's profile (from gatewayConfig); saves it. */
  setLayout(compartments: GatewayCompartment[], banks: GatewayBank[] = []): void {
    const profiles = new Map(banks.map((b) => [b.id, b.board]));
    for (const c of compartments) {
      const profile = (c.bankId && profiles.get(c.bankId)) || GENERIC_COIL_BOARD;
      this.note(c.modbus.endpoint, c.modbus.unitId, c.modbus.coil, profile);
    }
    if (this.resetOnConnect) this.save();
  }

  /** Remembers a coil so the all-off write covers it. */
  noteCoil(endpoint: string, unitId: number, coil: number): void {
    this.note(endpoint, unitId, coil, this.profile(endpoint, unitId));
  }

  /** The board profile of a unit (the generic coil board until configured). */
  profile(endpoint: string, unitId: number): BoardProfile {
    return this.units.get(endpoint)?.get(unitId)?.profile ?? GENERIC_COIL_BOARD;
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

  /** Every board created so far. */
  all(): RelayBoard[] {
    return [...this.boards.values()];
  }

  /** Each controller's link state (for the gateway's presence report). */
  linkStates(): ControllerLinkState[] {
    return this.all().map((b) => b.link);
  }

  /** Closes every board. */
  async close(): Promise<void> {
    await Promise.all(this.all().map((b) => b.close()));
  }

  private note(endpoint: string, unitId: number, coil: number, profile: BoardProfile): void {
    const units = this.units.get(endpoint) ?? new Map<number, UnitLayout>();
    const prev = units.get(unitId);
    if (prev && prev.profile.name !== profile.name && prev.profile !== GENERIC_COIL_BOARD) {
      this.log.warn(
        { endpoint, unitId, kept: prev.profile.name, ignored: profile.name },
        'two banks give one unit different board profiles',
      );
    }
    units.set(unitId, {
      maxCoil: Math.max(prev?.maxCoil ?? 0, coil),
      profile: prev && prev.profile !== GENERIC_COIL_BOARD ? prev.profile : profile,
    });
    this.units.set(endpoint, units);
  }

  private save(): void {
    const saved: SavedLayout = [];
    for (const [endpoint, units] of this.units) {
      for (const [unitId, u] of units)
        saved.push({ endpoint, unitId, maxCoil: u.maxCoil, profile: u.profile });
    }
    try {
      fs.mkdirSync(this.config.stateDir, { recursive: true });
      const file = path.join(this.config.stateDir, LAYOUT_FILE);
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(saved));
      fs.renameSync(`${file}.tmp`, file);
    } catch (error) {
      this.log.warn(
        { error: (error as Error).message },
        'could not save the board layout (relays are still reset once the config arrives)',
      );
    }
  }

  private async onConnected(endpoint: string, io: BoardIo): Promise<void> {
    if (this.resetOnConnect) {
      for (const [unitId, u] of this.units.get(endpoint) ?? []) await this.allOff(endpoint, unitId, u, io);
    }
    this.log.info({ endpoint, relaysReset: this.resetOnConnect }, 'controller connected');
  }

  private async allOff(endpoint: string, unitId: number, u: UnitLayout, io: BoardIo): Promise<void> {
    const first = coilAddress(u.profile, 0);
    const from = Math.max(0, first);
    try {
      await io.writeCoils(
        unitId,
        from,
        new Array<boolean>(coilAddress(u.profile, u.maxCoil) - from + 1).fill(false),
      );
    } catch (error) {
      // A unit that refuses the write is not a broken link; other units still get theirs.
      if (!(error instanceof DeviceError)) throw error;
      this.log.error({ endpoint, unitId, error: error.message }, 'could not switch relays off');
    }
  }
}
