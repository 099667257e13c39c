/**
 * The durable record of what the site did while cut off from the server. A retrieval or a
 * deposit is written (and fsynced) before its door is pulsed, its pulse's outcome after; `synced` says
 * the server has applied everything up to a place. So a crash at any point loses nothing that
 * happened at the door, and every event is replayed, in order, until the server has it.
 * JSON lines in `offline-events.jsonl`; a torn last line (a crash mid-write) is ignored, and
 * then the retrieval before it was never pulsed either (its line is written first).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CommandResult } from '../link/api.types.js';
import { writeFileDurably } from './durable-file.js';

/** A retrieval (or a free-size deposit) performed at the site while offline. */
export interface OfflineRetrieval {
  kind: 'RETRIEVAL' | 'DEPOSIT';
  id: string;
  seq: number;
  sessionId: string;
  compartmentId: string;
  verifier: string;
  /** A deposit only: the hash of the code the site issued (what the server will look it up by; it opens nothing). */
  codeHash: string | null;
  /** A deposit only: the size taken, the depositor's language, when it is paid until (included time + grace). */
  size: string | null;
  language: string | null;
  paidUntil: string | null;
  occurredAt: string;
  /** Unknown until the pulse ends (or after a crash during it). */
  pulseResult: CommandResult | null;
  /** The door readings that followed the pulse, kept with it: the hardware's evidence survives a crash. */
  doorOpenedAt: string | null;
  doorClosedAt: string | null;
}

type Line =
  | { t: 'retrieval'; id: string; seq: number; sid: string; cid: string; v: string; at: string }
  | {
      t: 'deposit';
      id: string;
      seq: number;
      sid: string;
      cid: string;
      v: string;
      h: string;
      size: string;
      lang: string | null;
      until: string | null;
      at: string;
    }
  | { t: 'pulse'; id: string; r: CommandResult }
  | { t: 'door'; id: string; s: 'OPEN' | 'CLOSED'; at: string }
  | { t: 'synced'; seq: number }
  | { t: 'refused'; id: string; error: string };

const FILE = 'offline-events.jsonl';

/** The offline journal. */
export class OfflineJournal {
  private readonly events = new Map<string, OfflineRetrieval>();
  private syncedSeq = -1;
  private nextSeq = 0;
  private fd: number | null = null;

  private constructor(private readonly file: string) {}

  /** Opens (creating) the journal in `stateDir`; what the server already has is compacted away. */
  static open(stateDir: string): OfflineJournal {
    fs.mkdirSync(stateDir, { recursive: true });
    const journal = new OfflineJournal(path.join(stateDir, FILE));
    journal.load();
    return journal;
  }

  /** Events the server has not yet applied, in journal order. */
  pending(): OfflineRetrieval[] {
    return [...this.events.values()].filter((e) => e.seq > this.syncedSeq).sort((a, b) => a.seq - b.seq);
  }

  /** Sessions retrieved here and not yet known to the server as such (their code opens nothing more offline). */
  retrievedSessions(): Set<string> {
    return new Set(
      this.pending()
        .filter((e) => e.kind === 'RETRIEVAL' && e.pulseResult !== 'FAILED')
        .map((e) => e.sessionId),
    );
  }

  /** Deposits taken here and not yet known to the server (their compartments are taken, their codes open them offline). */
  deposits(): OfflineRetrieval[] {
    return this.pending().filter((e) => e.kind === 'DEPOSIT' && e.pulseResult !== 'FAILED');
  }

  /** Durably records a retrieval about to be pulsed; returns it with its place. */
  recordRetrieval(
    e: Pick<OfflineRetrieval, 'id' | 'sessionId' | 'compartmentId' | 'verifier' | 'occurredAt'>,
  ): OfflineRetrieval {
    const event: OfflineRetrieval = {
      ...e,
      kind: 'RETRIEVAL',
      codeHash: null,
      size: null,
      language: null,
      paidUntil: null,
      seq: this.nextSeq,
      pulseResult: null,
      doorOpenedAt: null,
      doorClosedAt: null,
    };
    this.append({
      t: 'retrieval',
      id: e.id,
      seq: event.seq,
      sid: e.sessionId,
      cid: e.compartmentId,
      v: e.verifier,
      at: e.occurredAt,
    });
    this.nextSeq++;
    this.events.set(e.id, event);
    return event;
  }

  /** Durably records a deposit about to be pulsed (its code's hash and verifier, never the code). */
  recordDeposit(
    e: Pick<OfflineRetrieval, 'id' | 'sessionId' | 'compartmentId' | 'verifier' | 'occurredAt'> & {
      codeHash: string;
      size: string;
      language: string | null;
      paidUntil: string | null;
    },
  ): OfflineRetrieval {
    const event: OfflineRetrieval = {
      ...e,
      kind: 'DEPOSIT',
      seq: this.nextSeq,
      pulseResult: null,
      doorOpenedAt: null,
      doorClosedAt: null,
    };
    this.append(depositLine(event));
    this.nextSeq++;
    this.events.set(e.id, event);
    return event;
  }

  /** Records what the pulse did. */
  recordPulse(id: string, result: CommandResult): void {
    this.append({ t: 'pulse', id, r: result });
    const e = this.events.get(id);
    if (e) e.pulseResult = result;
  }

  /** Records a door reading of the event's compartment after its pulse. */
  recordDoor(id: string, state: 'OPEN' | 'CLOSED', at: string): void {
    this.append({ t: 'door', id, s: state, at });
    const e = this.events.get(id);
    if (e && state === 'OPEN') e.doorOpenedAt = at;
    if (e && state === 'CLOSED') e.doorClosedAt = at;
  }

  /** The server has applied every event up to `seq`. */
  recordSynced(seq: number): void {
    if (seq <= this.syncedSeq) return;
    this.append({ t: 'synced', seq });
    this.syncedSeq = seq;
    for (const [id, e] of this.events) if (e.seq <= seq) this.events.delete(id);
  }

  /** The server refused an event outright (it would refuse it again): kept in the file, skipped. */
  recordRefused(id: string, error: string): void {
    this.append({ t: 'refused', id, error: error.slice(0, 500) });
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private append(line: Line): void {
    if (this.fd === null) throw new Error('offline journal is closed');
    fs.writeSync(this.fd, `${JSON.stringify(line)}\n`);
    // what the site promised (a door opened, a bag released) is only as safe as this sync
    fs.fdatasyncSync(this.fd);
  }

  private load(): void {
    let text = '';
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        continue; // torn by a crash mid-write
      }
      if (line.t === 'retrieval' || line.t === 'deposit') {
        const deposit = line.t === 'deposit' ? line : null;
        this.events.set(line.id, {
          kind: deposit ? 'DEPOSIT' : 'RETRIEVAL',
          id: line.id,
          seq: line.seq,
          sessionId: line.sid,
          compartmentId: line.cid,
          verifier: line.v,
          codeHash: deposit?.h ?? null,
          size: deposit?.size ?? null,
          language: deposit?.lang ?? null,
          paidUntil: deposit?.until ?? null,
          occurredAt: line.at,
          pulseResult: null,
          doorOpenedAt: null,
          doorClosedAt: null,
        });
        this.nextSeq = Math.max(this.nextSeq, line.seq + 1);
      } else if (line.t === 'pulse') {
        const e = this.events.get(line.id);
        if (e) e.pulseResult = line.r;
      } else if (line.t === 'door') {
        const e = this.events.get(line.id);
        if (e && line.s === 'OPEN') e.doorOpenedAt = line.at;
        if (e && line.s === 'CLOSED') e.doorClosedAt = line.at;
      } else if (line.t === 'synced') {
        this.syncedSeq = Math.max(this.syncedSeq, line.seq);
        this.nextSeq = Math.max(this.nextSeq, line.seq + 1);
      }
    }
    for (const [id, e] of this.events) if (e.seq <= this.syncedSeq) this.events.delete(id);
    // Compacted: the place reached and what is still to replay, then appended to from here.
    const lines: Line[] = [{ t: 'synced', seq: Math.max(this.syncedSeq, this.nextSeq - 1) }];
    // the marker above must not cover pending events: it holds the last place only when none are left
    if (this.events.size > 0) lines[0] = { t: 'synced', seq: this.syncedSeq };
    for (const e of this.pending()) {
      lines.push(
        e.kind === 'DEPOSIT'
          ? depositLine(e)
          : {
              t: 'retrieval',
              id: e.id,
              seq: e.seq,
              sid: e.sessionId,
              cid: e.compartmentId,
              v: e.verifier,
              at: e.occurredAt,
            },
      );
      if (e.pulseResult) lines.push({ t: 'pulse', id: e.id, r: e.pulseResult });
      if (e.doorOpenedAt) lines.push({ t: 'door', id: e.id, s: 'OPEN', at: e.doorOpenedAt });
      if (e.doorClosedAt) lines.push({ t: 'door', id: e.id, s: 'CLOSED', at: e.doorClosedAt });
    }
    writeFileDurably(this.file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    this.fd = fs.openSync(this.file, 'a');
  }
}

function depositLine(e: OfflineRetrieval): Line {
  return {
    t: 'deposit',
    id: e.id,
    seq: e.seq,
    sid: e.sessionId,
    cid: e.compartmentId,
    v: e.verifier,
    h: e.codeHash!,
    size: e.size!,
    lang: e.language,
    until: e.paidUntil,
    at: e.occurredAt,
  };
}
