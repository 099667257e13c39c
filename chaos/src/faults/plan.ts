/**
 * The faults the suite injects and how long each lasts, drawn from the seed. One fault at a
 * time: each is healed and the system's recovery measured before the next, so every
 * recovery time belongs to one fault.
 */
import type { Rng } from '../lib/rng.ts';

export const FAULT_KINDS = [
  'server-kill', // SIGKILL the server (every instance), restart it on the same port and database after a while
  'instance-kill', // SIGKILL one of two server instances behind HAProxy, restart it after a while
  'gateway-kill', // SIGKILL the gateway, restart it with the same state directory
  'db-terminate', // pg_terminate_backend on every connection of the server's database
  'db-blackhole', // the proxy in front of PostgreSQL forwards nothing (queries hang)
  'db-refuse', // the proxy closes every connection and refuses new ones
  'modbus-silent', // the relay boards read requests and never answer
  'modbus-refuse', // the boards close every connection and refuse new ones
  'modbus-drop', // every Modbus connection is closed once
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** Whether a run needs two server instances behind HAProxy (and Redis between them). */
export function needsFleet(kinds: readonly FaultKind[]): boolean {
  return kinds.includes('instance-kill');
}

/** Seconds a fault lasts: [min, max]; one-shot faults have none. */
const DURATION_S: Record<FaultKind, [number, number] | null> = {
  'server-kill': [1, 20],
  'instance-kill': [1, 15],
  'gateway-kill': [0.2, 8],
  'db-terminate': null,
  'db-blackhole': [2, 12],
  'db-refuse': [2, 12],
  'modbus-silent': [2, 12],
  'modbus-refuse': [2, 12],
  'modbus-drop': null,
};

export interface PlannedFault {
  kind: FaultKind;
  /** Quiet time before it. */
  gapMs: number;
  durationMs: number;
}

/**
 * Draws fault kinds like cards from a shuffled deck, reshuffled when empty: a run of a few
 * faults still gets every kind once before any repeats.
 */
export class FaultDeck {
  private deck: FaultKind[] = [];
  private readonly rng: Rng;
  private readonly kinds: readonly FaultKind[];

  constructor(rng: Rng, kinds: readonly FaultKind[]) {
    this.rng = rng;
    this.kinds = kinds;
  }

  draw(): FaultKind {
    if (this.deck.length === 0) {
      this.deck = [...this.kinds];
      for (let i = this.deck.length - 1; i > 0; i--) {
        const j = Math.floor(this.rng.next() * (i + 1));
        [this.deck[i], this.deck[j]] = [this.deck[j]!, this.deck[i]!];
      }
    }
    return this.deck.pop()!;
  }
}

/** The next fault of a run. */
export function nextFault(rng: Rng, deck: FaultDeck, gapS: [number, number]): PlannedFault {
  const kind = deck.draw();
  const range = DURATION_S[kind];
  return {
    kind,
    gapMs: rng.between(...gapS) * 1000,
    durationMs: range ? Math.round(rng.between(...range) * 1000) : 0,
  };
}

/** Parses "--faults a,b,c" (all when empty). */
export function parseFaultKinds(list: string | undefined): FaultKind[] {
  if (!list || list === 'all') return [...FAULT_KINDS];
  if (list === 'none') return [];
  const kinds = list.split(',').map((s) => s.trim());
  const bad = kinds.filter((k) => !(FAULT_KINDS as readonly string[]).includes(k));
  if (bad.length) throw new Error(`unknown fault ${bad.join(', ')}; one of ${FAULT_KINDS.join(', ')}`);
  return kinds as FaultKind[];
}
