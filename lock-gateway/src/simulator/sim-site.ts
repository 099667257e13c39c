/**
 * The simulated installation: several relay boards (unit ids) behind one Modbus endpoint,
 * a log of every coil pulse, and the fault switches the Modbus server obeys.
 */
import { EventEmitter } from 'node:events';
import { answerPdu, exceptionPdu, ModbusException } from './modbus-pdu.js';
import { DoorLog } from './door-log.js';
import { SimUnit, type DoorCause, type PulseRecord, type SimUnitOptions } from './sim-unit.js';

/** Faults the Modbus server applies to every request. */
export interface SimFaults {
  /** Answer every request this much later. */
  delayMs: number;
  /** Read requests but never answer (a hung device). */
  silent: boolean;
  /** Answer every request with exception 6 (slave device busy). */
  busy: boolean;
  /** Close new connections at once. */
  refuseConnections: boolean;
  /** Function codes the board never answers (e.g. [3]: a board without holding registers). */
  silentFunctions: number[];
  /** Function codes the board refuses with exception `refuseCode` (e.g. [2]: door reads refused). */
  refuseFunctions: number[];
  refuseCode: number;
}

/** A door as the control API shows it. */
export interface DoorView {
  unitId: number;
  input: number;
  open: boolean;
  jammed: boolean;
  coilOn: boolean;
}

export interface SimSiteEvents {
  pulseStart: [record: PulseRecord];
  pulseEnd: [record: PulseRecord];
  door: [unitId: number, input: number, open: boolean, cause: DoorCause];
  dropConnections: [];
}

const NO_FAULTS: SimFaults = {
  delayMs: 0,
  silent: false,
  busy: false,
  refuseConnections: false,
  silentFunctions: [],
  refuseFunctions: [],
  refuseCode: 2,
};

/** Every board of the simulator, the pulse log and the faults. */
export class SimSite extends EventEmitter<SimSiteEvents> {
  readonly units = new Map<number, SimUnit>();
  readonly pulses: PulseRecord[] = [];
  /** Every door change with its cause, and the reads that saw each opening. */
  readonly doorLog = new DoorLog();
  faults: SimFaults = { ...NO_FAULTS };
  /** Requests answered, per function code (tests check the gateway's read pattern). */
  readonly requests = new Map<number, number>();
  private readonly maxLog = 10_000;
  private rebootingUntil = 0;

  constructor(units: SimUnitOptions[]) {
    super();
    for (const options of units) {
      const unit = new SimUnit(options);
      unit.on('pulseStart', (r) => {
        this.pulses.push(r);
        if (this.pulses.length > this.maxLog) this.pulses.splice(0, this.pulses.length - this.maxLog);
        this.emit('pulseStart', r);
      });
      unit.on('pulseEnd', (r) => this.emit('pulseEnd', r));
      unit.on('door', (...args) => {
        this.doorLog.change(...args);
        this.emit('door', ...args);
      });
      unit.on('inputsRead', (unitId, first, count) => this.doorLog.inputsRead(unitId, first, count));
      this.units.set(options.unitId, unit);
    }
  }

  /**
   * The answer to one request PDU for `unitId` with the faults applied, or null for
   * silence (a hung board, a function it ignores, a board rebooting).
   */
  answer(unitId: number, pdu: Buffer): Buffer | null {
    const fc = pdu[0] ?? 0;
    const f = this.faults;
    if (f.silent || this.rebootingUntil > Date.now() || f.silentFunctions.includes(fc)) return null;
    this.countRequest(fc);
    if (f.busy) return exceptionPdu(fc, ModbusException.DeviceBusy);
    if (f.refuseFunctions.includes(fc)) return exceptionPdu(fc, f.refuseCode);
    try {
      return answerPdu(this.unit(unitId), pdu);
    } catch {
      return exceptionPdu(fc, 4);
    }
  }

  /**
   * A power cycle of every board: connections drop, nothing answers for `downMs`, timed
   * pulses are lost and relays drop unless `keepRelays`.
   */
  reboot(downMs: number, keepRelays: boolean): void {
    this.rebootingUntil = Date.now() + downMs;
    for (const unit of this.units.values()) unit.reboot(keepRelays);
    this.dropConnections();
  }

  /** True while a reboot is under way (the servers refuse connections). */
  get rebooting(): boolean {
    return this.rebootingUntil > Date.now();
  }

  /** Counts one request with function code `fc`. */
  countRequest(fc: number): void {
    this.requests.set(fc, (this.requests.get(fc) ?? 0) + 1);
  }

  /** The board with this unit id, or undefined (the Modbus server then answers an exception). */
  unit(unitId: number): SimUnit | undefined {
    return this.units.get(unitId);
  }

  /** The board with this unit id; throws when there is none (control API input). */
  requireUnit(unitId: number): SimUnit {
    const unit = this.units.get(unitId);
    if (!unit) throw new RangeError(`no unit ${unitId}`);
    return unit;
  }

  /** Every door with its sensor, jam flag and coil. */
  doors(): DoorView[] {
    const out: DoorView[] = [];
    for (const unit of this.units.values()) {
      unit.doors.forEach((open, input) =>
        out.push({
          unitId: unit.unitId,
          input,
          open,
          jammed: unit.jammed[input] ?? false,
          coilOn: unit.coils[input] ?? false,
        }),
      );
    }
    return out;
  }

  /** Pulses that started at or after `sinceMs` (wall clock). */
  pulsesSince(sinceMs = 0): PulseRecord[] {
    return this.pulses.filter((p) => p.startedAt >= sinceMs);
  }

  /** Switches faults on or off; omitted fields keep their value. */
  setFaults(patch: Partial<SimFaults>): SimFaults {
    this.faults = { ...this.faults, ...patch };
    return this.faults;
  }

  /** Closes every open Modbus connection now (the server listens for this). */
  dropConnections(): void {
    this.emit('dropConnections');
  }

  /** Back to a clean state: doors closed, coils off, no faults, empty log. */
  reset(): void {
    for (const unit of this.units.values()) unit.reset();
    this.pulses.length = 0;
    this.doorLog.clear();
    this.requests.clear();
    this.faults = { ...NO_FAULTS };
    this.rebootingUntil = 0;
  }

  /** Stops every timer. */
  dispose(): void {
    for (const unit of this.units.values()) unit.dispose();
    this.removeAllListeners();
  }
}

/** Builds the unit options for `count` boards with the same shape. */
export function uniformUnits(unitIds: number[], shape: Omit<SimUnitOptions, 'unitId'>): SimUnitOptions[] {
  return unitIds.map((unitId) => ({ unitId, ...shape }));
}
