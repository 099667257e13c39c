/**
 * One simulated relay board (one Modbus unit id): coils drive lock latches, discrete
 * inputs are the door sensors (1 = open), and a block of holding registers times pulses
 * the way common Modbus relay boards do ("flash on": write N ms, the board switches the
 * relay off by itself), so a crashed gateway cannot leave a latch energised.
 */
import { EventEmitter } from 'node:events';

/** Options for one simulated board. */
export interface SimUnitOptions {
  unitId: number;
  coils: number;
  inputs: number;
  /**
   * First holding register of the pulse ("flash") block: writing N to register base+i
   * pulses coil i for N x pulseUnitMs. null: no such block (a generic coil board).
   */
  pulseRegisterBase: number | null;
  /** Time unit of a flash write (1 ms, or 100 ms on the common RTU relay modules). */
  pulseUnitMs?: number;
  /** Normally-closed door sensors: the input reads 1 while the door is closed. */
  ncInputs?: boolean;
  /** Door i springs open this long after coil i switches on (0 = at once). */
  openDelayMs: number;
  /** When set, an open door closes by itself after this many ms (demos). */
  autoCloseMs: number | null;
}

/** What the simulator logs for every coil activation. */
export interface PulseRecord {
  unitId: number;
  coil: number;
  via: 'coil' | 'register';
  /** Wall-clock ms when the coil went on. */
  startedAt: number;
  endedAt: number | null;
  durationMs: number | null;
  /** High-resolution ms (performance.now) of the switch-on, for latency measurements. */
  startedHr: number;
}

export type DoorCause = 'pulse' | 'manual' | 'forced' | 'auto-close';

/** Events a unit emits; the site forwards them. */
export interface SimUnitEvents {
  coil: [unitId: number, coil: number, on: boolean];
  pulseStart: [record: PulseRecord];
  pulseEnd: [record: PulseRecord];
  door: [unitId: number, input: number, open: boolean, cause: DoorCause];
  /** A client was answered a read of these door inputs (the door log counts what it saw). */
  inputsRead: [unitId: number, first: number, count: number];
}

/** The board model; protocol-free so the in-memory adapter and Modbus servers share it. */
export class SimUnit extends EventEmitter<SimUnitEvents> {
  readonly coils: boolean[];
  readonly doors: boolean[];
  readonly jammed: boolean[];
  private readonly pulseTimers = new Map<number, { timer: NodeJS.Timeout; endsAt: number }>();
  private readonly openPulse = new Map<number, PulseRecord>();
  private readonly doorTimers = new Set<NodeJS.Timeout>();

  constructor(readonly options: SimUnitOptions) {
    super();
    this.coils = new Array<boolean>(options.coils).fill(false);
    this.doors = new Array<boolean>(options.inputs).fill(false);
    this.jammed = new Array<boolean>(options.inputs).fill(false);
  }

  get unitId(): number {
    return this.options.unitId;
  }

  /** Sets a coil as a Modbus write would (FC5/FC15); a rising edge releases the latch. */
  setCoil(coil: number, on: boolean, via: PulseRecord['via'] = 'coil'): void {
    this.assertCoil(coil);
    if (via === 'coil') this.cancelTimedPulse(coil);
    const was = this.coils[coil];
    this.coils[coil] = on;
    if (was === on) return;
    this.emit('coil', this.unitId, coil, on);
    if (on) this.onRisingEdge(coil, via);
    else this.onFallingEdge(coil);
  }

  /** Holding-register write: inside the pulse block it times a pulse, elsewhere it is refused. */
  writeRegister(address: number, value: number): boolean {
    const coil = this.flashCoil(address);
    if (coil === null) return false;
    this.cancelTimedPulse(coil);
    if (value === 0) {
      this.setCoil(coil, false, 'register');
      return true;
    }
    this.setCoil(coil, true, 'register');
    const ms = value * (this.options.pulseUnitMs ?? 1);
    const timer = setTimeout(() => {
      this.pulseTimers.delete(coil);
      this.setCoil(coil, false, 'register');
    }, ms);
    this.pulseTimers.set(coil, { timer, endsAt: Date.now() + ms });
    return true;
  }

  /** The raw level of door input `input` as the board reports it (NC sensors invert). */
  rawInput(input: number): boolean {
    const open = this.doors[input] ?? false;
    return this.options.ncInputs ? !open : open;
  }

  /**
   * A power cycle: timed pulses are lost; the relays drop unless `keepRelays` (boards with
   * retained outputs, or a gateway-side reconnect that found them still on).
   */
  reboot(keepRelays: boolean): void {
    for (const coil of [...this.pulseTimers.keys()]) this.cancelTimedPulse(coil);
    if (!keepRelays) this.coils.forEach((on, coil) => on && this.setCoil(coil, false));
  }

  private flashCoil(address: number): number | null {
    const base = this.options.pulseRegisterBase;
    if (base === null) return null;
    const coil = address - base;
    return coil < 0 || coil >= this.coils.length ? null : coil;
  }

  /** Holding-register read: the ms left of a timed pulse, or undefined outside the block. */
  readRegister(address: number): number | undefined {
    const coil = this.flashCoil(address);
    if (coil === null) return undefined;
    const timed = this.pulseTimers.get(coil);
    return timed ? Math.ceil(Math.max(0, timed.endsAt - Date.now()) / (this.options.pulseUnitMs ?? 1)) : 0;
  }

  /** Opens or closes a door from outside (a person, or a forced door). */
  setDoor(input: number, open: boolean, cause: DoorCause): void {
    this.assertInput(input);
    if (this.doors[input] === open) return;
    this.doors[input] = open;
    this.emit('door', this.unitId, input, open, cause);
    if (open && this.options.autoCloseMs !== null) {
      this.later(this.options.autoCloseMs, () => this.setDoor(input, false, 'auto-close'));
    }
  }

  /** A Modbus read of inputs first..first+count-1 was answered. */
  noteInputsRead(first: number, count: number): void {
    this.emit('inputsRead', this.unitId, first, count);
  }

  /** A jammed lock does not open when pulsed (the relay still switches). */
  setJammed(input: number, jammed: boolean): void {
    this.assertInput(input);
    this.jammed[input] = jammed;
  }

  /** Clears doors, coils, jams and timers (between tests). */
  reset(): void {
    for (const coil of this.pulseTimers.keys()) this.cancelTimedPulse(coil);
    for (const t of this.doorTimers) clearTimeout(t);
    this.doorTimers.clear();
    this.coils.fill(false);
    this.doors.fill(false);
    this.jammed.fill(false);
    this.openPulse.clear();
  }

  /** Stops every timer so the process can exit. */
  dispose(): void {
    this.reset();
    this.removeAllListeners();
  }

  private onRisingEdge(coil: number, via: PulseRecord['via']): void {
    const record: PulseRecord = {
      unitId: this.unitId,
      coil,
      via,
      startedAt: Date.now(),
      endedAt: null,
      durationMs: null,
      startedHr: performance.now(),
    };
    this.openPulse.set(coil, record);
    this.emit('pulseStart', record);
    // The lock for coil i watches door input i (the seed's wiring).
    if (coil < this.doors.length && !this.jammed[coil]) {
      this.later(this.options.openDelayMs, () => this.setDoor(coil, true, 'pulse'));
    }
  }

  private onFallingEdge(coil: number): void {
    const record = this.openPulse.get(coil);
    if (!record) return;
    this.openPulse.delete(coil);
    record.endedAt = Date.now();
    record.durationMs = performance.now() - record.startedHr;
    this.emit('pulseEnd', record);
  }

  private cancelTimedPulse(coil: number): void {
    const timed = this.pulseTimers.get(coil);
    if (timed) clearTimeout(timed.timer);
    this.pulseTimers.delete(coil);
  }

  private later(ms: number, fn: () => void): void {
    if (ms <= 0) {
      fn();
      return;
    }
    const t = setTimeout(() => {
      this.doorTimers.delete(t);
      fn();
    }, ms);
    this.doorTimers.add(t);
  }

  private assertCoil(coil: number): void {
    if (!Number.isInteger(coil) || coil < 0 || coil >= this.coils.length)
      throw new RangeError(`no coil ${coil}`);
  }

  private assertInput(input: number): void {
    if (!Number.isInteger(input) || input < 0 || input >= this.doors.length)
      throw new RangeError(`no input ${input}`);
  }
}
