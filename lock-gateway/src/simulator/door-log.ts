/**
 * The simulator's door log: every change of every door sensor with its cause, and for each
 * opening what a Modbus client could have known of it (the answered reads that showed the
 * door open). A checker compares a server's door events and sessions against it: a door
 * cycle no client ever read as open cannot be held against the server.
 */
import type { DoorCause } from './sim-unit.js';

/** One change of one door sensor. */
export interface DoorRecord {
  /** Grows by one per record, across units. */
  seq: number;
  unitId: number;
  input: number;
  open: boolean;
  cause: DoorCause;
  /** Wall-clock ms of the change. */
  at: number;
  /** Openings only: answered input reads that showed this door open, first and last of them. */
  readsOpen?: number;
  firstReadOpenAt?: number | null;
  lastReadOpenAt?: number | null;
}

/** Door changes, bounded; openings count the reads that saw them. */
export class DoorLog {
  readonly records: DoorRecord[] = [];
  private seq = 0;
  /** The open record of each door that is open now, by "unit:input". */
  private readonly openNow = new Map<string, DoorRecord>();

  constructor(private readonly maxRecords = 50_000) {}

  /** A door changed. */
  change(unitId: number, input: number, open: boolean, cause: DoorCause): void {
    const record: DoorRecord = { seq: ++this.seq, unitId, input, open, cause, at: Date.now() };
    const key = `${unitId}:${input}`;
    if (open) {
      Object.assign(record, { readsOpen: 0, firstReadOpenAt: null, lastReadOpenAt: null });
      this.openNow.set(key, record);
    } else {
      this.openNow.delete(key);
    }
    this.records.push(record);
    if (this.records.length > this.maxRecords) this.records.splice(0, this.records.length - this.maxRecords);
  }

  /** A client was answered a read of inputs first..first+count-1 of `unitId`. */
  inputsRead(unitId: number, first: number, count: number): void {
    if (this.openNow.size === 0) return;
    const now = Date.now();
    for (const record of this.openNow.values()) {
      if (record.unitId !== unitId || record.input < first || record.input >= first + count) continue;
      record.readsOpen = (record.readsOpen ?? 0) + 1;
      record.firstReadOpenAt ??= now;
      record.lastReadOpenAt = now;
    }
  }

  /** Records with `seq` greater than `afterSeq`. */
  since(afterSeq = 0): DoorRecord[] {
    return this.records.filter((r) => r.seq > afterSeq);
  }

  /** Empties the log (between tests). */
  clear(): void {
    this.records.length = 0;
    this.openNow.clear();
  }
}
