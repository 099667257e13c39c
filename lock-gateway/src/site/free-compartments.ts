/**
 * Which compartments the site may fill while cut off, and from when: the replica's free ones
 * (free sizes, empty, in service when the server read it) less what happened since.
 */
import type { OfflineJournal } from './offline-journal.js';
import type { ReplicaFreeCompartment, SiteReplica } from './site-replica.js';

/** Whether and what the site can take in while offline. */
export interface SiteDepositStatus {
  /** Deposits are taken from this time (null: not offline, or the site has no replica yet). */
  openFrom: string | null;
  sizes: Array<{ size: string; available: number; includedMinutes: number }>;
}

/** A compartment the server sent an unlock for this close to (or after) the replica's read is not offered. */
const COMMAND_MARGIN_MS = 2000;

/** What the free compartments are judged from. */
export interface FreeCompartmentSources {
  replica: SiteReplica;
  journal: OfflineJournal;
  /** True while the server link is up: scans and deposits then go to the server. */
  online: () => boolean;
  /** When the server link went down (epoch ms; the process start if it never came up). */
  offlineSince: () => number;
  /** The door's last reading: only a closed door is offered for a deposit. */
  doorState: (compartmentId: string) => 'OPEN' | 'CLOSED' | 'UNKNOWN' | undefined;
}

/** The site's free compartments. */
export class FreeCompartments {
  /** Compartments the server sent an unlock for, and when: the replica may not know yet. */
  private readonly commanded = new Map<string, number>();

  constructor(private readonly o: FreeCompartmentSources) {}

  /** The server sent an unlock for this compartment: a deposit may be under way there. */
  commandSeen(compartmentId: string, at: number): void {
    this.commanded.set(compartmentId, at);
  }

  /** Free sizes and how many of each the site may fill now, and from when. */
  status(): SiteDepositStatus {
    const openFrom = this.openFrom();
    const free = this.list();
    const sizes = (this.o.replica.snapshot?.freeSizes ?? []).map((z) => ({
      size: z.size,
      available: free.filter((c) => c.size === z.size).length,
      includedMinutes: z.includedMinutes,
    }));
    return { openFrom: openFrom === null ? null : new Date(openFrom).toISOString(), sizes };
  }

  /** Epoch ms from which deposits are taken; null while online or before a replica that allows them. */
  openFrom(): number | null {
    const after = this.o.replica.snapshot?.depositsAfterSeconds;
    if (this.o.online() || after === undefined) return null;
    return this.o.offlineSince() + after * 1000;
  }

  /**
   * The replica's free compartments less what happened since: deposits taken here, unlocks the
   * server sent about when it read the replica (a deposit it started may be under way), and any
   * whose door is not read closed.
   */
  list(): ReplicaFreeCompartment[] {
    const snapshot = this.o.replica.snapshot;
    if (!snapshot?.freeCompartments) return [];
    const taken = new Set(this.o.journal.deposits().map((d) => d.compartmentId));
    const asOf = Date.parse(snapshot.asOf);
    for (const [id, at] of this.commanded) if (at >= asOf - COMMAND_MARGIN_MS) taken.add(id);
    return snapshot.freeCompartments.filter(
      (c) => !taken.has(c.compartmentId) && this.o.doorState(c.compartmentId) === 'CLOSED',
    );
  }
}
