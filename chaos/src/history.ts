/**
 * What happened during a run, as the suite saw it: every operation a traveller made and
 * what the system answered (what was acknowledged to them), what they did physically
 * (a bag put into or taken out of a compartment), the faults and when each was healed.
 */

/** A compartment as the suite addresses it: the server's id and the simulator's door. */
export interface Door {
  compartmentId: string;
  label: string;
  size: string;
  unitId: number;
  input: number;
  coil: number;
}

/** One request to the system and its answer. */
export interface Operation {
  traveller: number;
  sessionId: string | null;
  kind: 'issue' | 'scan' | 'pay';
  at: number;
  ms: number;
  /** The outcome (scan), the payment status, or "error: ..." / "transport: ..." */
  answer: string;
  compartmentId?: string | null;
}

/** A bag put in (deposit) or taken out (retrieval): the door opened and the traveller closed it. */
export interface DoorCycle {
  traveller: number;
  sessionId: string;
  compartmentId: string;
  /** Simulator time of the opening the traveller used, and of their close. */
  openedAt: number;
  closedAt: number;
}

/** Something a traveller was told that contradicts what they did (kept for the report). */
export interface Anomaly {
  traveller: number;
  sessionId: string;
  at: number;
  what: string;
  /** Set when the traveller walked away: when they began trying, and what they came for. */
  gaveUp?: { since: number; what: 'deposit' | 'collect' };
}

/** A payment a traveller made and what they were told. */
export interface PaymentMade {
  sessionId: string;
  paymentId: string;
  amount: number;
  /** The status the traveller was shown; null when the answer never came. */
  acknowledged: string | null;
  at: number;
}

/** One injected fault. */
export interface FaultRecord {
  kind: string;
  startedAt: number;
  healedAt: number | null;
  /** When the system served again after the heal (see recovery.ts); null: not within the cap. */
  recoveredAt: number | null;
  detail: string;
}

/** Everything recorded in one run. */
export class History {
  readonly operations: Operation[] = [];
  readonly deposits: DoorCycle[] = [];
  readonly retrievals: DoorCycle[] = [];
  readonly anomalies: Anomaly[] = [];
  readonly payments: PaymentMade[] = [];
  readonly faults: FaultRecord[] = [];
  /** Sessions each traveller was issued, with their size. */
  readonly sessions = new Map<string, { traveller: number; size: string; price: number }>();
  /** When travellers were answered an unlock (the fault injector aims at the door cycles that follow). */
  readonly unlockAnsweredAt: number[] = [];
  /** Doors the attendant closed because nobody was at them. */
  readonly attendantCloses: Array<{ compartmentId: string; at: number }> = [];
}
