/**
 * Sessions against what travellers physically did. A bag put in compartment C and not taken
 * out must be held by the server as its session STORED in C (RETRIEVING in C: an unlock
 * still pending, the bag still tied to C); a collection the traveller completed must be
 * COMPLETED. A mismatch is a loss only when the door's opening was read by a gateway that
 * could then report it (see physical.ts); otherwise no system could know, and it is counted
 * apart as unobservable.
 */
import type { ServerSession } from '../collect.ts';
import type { Door, DoorCycle, History } from '../history.ts';
import type { PartChange } from '../system/timeline.ts';
import { couldReport, readTimes, type DoorHistory } from './physical.ts';

export interface SessionFinding {
  sessionId: string;
  label: string;
  what: 'bag-in' | 'collected';
  verdict: 'held' | 'lost' | 'unobservable';
  why: string;
}

export interface SessionCheck {
  findings: SessionFinding[];
  lost: SessionFinding[];
  unobservable: SessionFinding[];
  /** Sessions the server holds STORED in a compartment no bag of theirs is in. */
  phantoms: string[];
}

export function checkSessions(
  history: History,
  server: ReadonlyMap<string, ServerSession>,
  doors: ReadonlyMap<string, Door>,
  doorHistory: DoorHistory,
  changes: readonly PartChange[],
  from: number,
  until: number,
): SessionCheck {
  const findings: SessionFinding[] = [];
  const phantoms: string[] = [];
  const cycles = new Map<string, Array<DoorCycle & { what: 'bag-in' | 'collected' }>>();
  for (const c of history.deposits) push(cycles, c.sessionId, { ...c, what: 'bag-in' as const });
  for (const c of history.retrievals) push(cycles, c.sessionId, { ...c, what: 'collected' as const });
  for (const sessionId of history.sessions.keys()) {
    const mine = (cycles.get(sessionId) ?? []).sort((a, b) => a.closedAt - b.closedAt);
    const last = mine.at(-1);
    const s = server.get(sessionId);
    if (!last) {
      if (s && s.status === 'STORED') phantoms.push(sessionId);
      continue;
    }
    const door = doors.get(last.compartmentId);
    if (!door) continue;
    const held =
      last.what === 'bag-in'
        ? !!s &&
          (s.status === 'STORED' || s.status === 'RETRIEVING') &&
          s.compartment?.id === last.compartmentId
        : !!s && s.status === 'COMPLETED';
    const shown = s
      ? `${s.status}${s.compartment ? ` in ${labelOf(doors, s.compartment.id)}` : ''}`
      : 'missing';
    if (held) {
      findings.push({ sessionId, label: door.label, what: last.what, verdict: 'held', why: shown });
      continue;
    }
    const opening = doorHistory.openingAt(door.unitId, door.input, last.openedAt);
    const reportable = opening ? couldReport(readTimes(opening.opening), changes, from, until) : false;
    findings.push({
      sessionId,
      label: door.label,
      what: last.what,
      verdict: reportable ? 'lost' : 'unobservable',
      why: `${last.what === 'bag-in' ? `bag in ${door.label}` : `collected from ${door.label}`}, server says ${shown}${reportable ? '' : '; no gateway could report that opening'}`,
    });
  }
  return {
    findings,
    lost: findings.filter((f) => f.verdict === 'lost'),
    unobservable: findings.filter((f) => f.verdict === 'unobservable'),
    phantoms,
  };
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k) ?? [];
  list.push(v);
  map.set(k, list);
}

function labelOf(doors: ReadonlyMap<string, Door>, id: string): string {
  return doors.get(id)?.label ?? id;
}
