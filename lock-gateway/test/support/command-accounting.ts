/**
 * Per-command accounting for the fleet tests: every UNLOCK command the server issued (its
 * row in PostgreSQL), what the gateway's journal did with it, which rising edge on the
 * simulator's pulse log it caused, and what the server recorded as its acknowledgement.
 * A count of pulses against a count of unlocks cannot tell a command that never ran from a
 * pulse that served two commands; this can.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { PulseRecord } from '../../src/simulator/index.js';

/** One UNLOCK command from issue to acknowledgement. */
export interface CommandAccount {
  id: string;
  unitId: number;
  coil: number;
  issuedAt: number;
  /** The journal's `begin` (the gateway is about to write to the board), if any. */
  begunAt: number | null;
  /** The journal's `done` and its result, if any. */
  doneAt: number | null;
  gatewayResult: string | null;
  /** The rising edge this command caused on the simulator. */
  pulse: PulseRecord | null;
  /** The relay was already on when this command was executed (no edge of its own). */
  retriggered: boolean;
  /** What the server recorded. */
  ackedAt: number | null;
  serverResult: string | null;
}

/** What the accounting found, one list per way a command can go wrong. */
export interface CommandLedger {
  commands: CommandAccount[];
  /** Issued and never begun by the gateway: nobody will ever open that door for it. */
  neverExecuted: string[];
  /** Executed, and no edge of its own (it landed while the relay was still on from another). */
  retriggered: string[];
  /** Executed as succeeded with neither an edge of its own nor a relay already on. */
  unpulsed: string[];
  /** Not acknowledged to the server, or acknowledged with anything but SUCCEEDED. */
  notAcked: string[];
  /** Rising edges no command accounts for: a double. */
  strayPulses: PulseRecord[];
}

interface JournalLine {
  t: 'begin' | 'done';
  id: string;
  at: string;
  r?: string;
}

/** The gateway's journal as written (it is pre-filled with zeros: reading stops at the first). */
export function readJournal(stateDir: string): JournalLine[] {
  const file = path.join(stateDir, 'executed-commands.jsonl');
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  const end = text.indexOf('\0');
  return (end < 0 ? text : text.slice(0, end))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as JournalLine);
}

/** Accounts for every UNLOCK command issued since `sinceMs` against the journal and the pulse log. */
export async function accountCommands(opts: {
  databaseUrl: string;
  stateDir: string;
  pulses: PulseRecord[];
  sinceMs: number;
}): Promise<CommandLedger> {
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  const { rows } = await client
    .query<{
      id: string;
      unit_id: number;
      coil: number;
      issued_at: Date;
      acked_at: Date | null;
      result: string | null;
    }>(
      `select id, unit_id, coil, issued_at, acked_at, result from gateway_command
       where type = 'UNLOCK' and issued_at >= $1 order by issued_at`,
      [new Date(opts.sinceMs)],
    )
    .finally(() => client.end());
  const journal = readJournal(opts.stateDir);
  const begun = new Map(journal.filter((l) => l.t === 'begin').map((l) => [l.id, Date.parse(l.at)]));
  const done = new Map(journal.filter((l) => l.t === 'done').map((l) => [l.id, l]));
  const commands: CommandAccount[] = rows.map((r) => {
    const d = done.get(r.id);
    return {
      id: r.id,
      unitId: r.unit_id,
      coil: r.coil,
      issuedAt: r.issued_at.getTime(),
      begunAt: begun.get(r.id) ?? null,
      doneAt: d ? Date.parse(d.at) : null,
      gatewayResult: d?.r ?? null,
      pulse: null,
      retriggered: false,
      ackedAt: r.acked_at?.getTime() ?? null,
      serverResult: r.result,
    };
  });
  // The write reaches the board between the journal's begin and done (ms resolution both sides).
  const unclaimed = new Set(opts.pulses);
  const executed = commands.filter((c) => c.begunAt !== null).sort((a, b) => a.begunAt! - b.begunAt!);
  for (const c of executed) {
    const until = (c.doneAt ?? c.begunAt! + 5000) + 5;
    const sameLock = opts.pulses.filter((p) => p.unitId === c.unitId && p.coil === c.coil);
    const edge = sameLock.find(
      (p) => unclaimed.has(p) && p.startedAt >= c.begunAt! - 5 && p.startedAt <= until,
    );
    if (edge) {
      c.pulse = edge;
      unclaimed.delete(edge);
    } else {
      c.retriggered = sameLock.some(
        (p) => p.startedAt <= c.begunAt! + 5 && (p.endedAt === null || p.endedAt >= c.begunAt! - 5),
      );
    }
  }
  return {
    commands,
    neverExecuted: commands.filter((c) => c.begunAt === null).map((c) => c.id),
    retriggered: commands.filter((c) => c.retriggered).map((c) => c.id),
    unpulsed: commands
      .filter((c) => c.begunAt !== null && !c.pulse && !c.retriggered && c.gatewayResult === 'SUCCEEDED')
      .map((c) => c.id),
    notAcked: commands.filter((c) => c.serverResult !== 'SUCCEEDED').map((c) => c.id),
    strayPulses: [...unclaimed],
  };
}
