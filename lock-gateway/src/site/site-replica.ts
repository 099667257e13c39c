/**
 * The site's copy of what it needs to judge a retrieval without the server: the gateway's
 * set-up (which coil opens which compartment) and its stored bags, each with the verifier of
 * its code, what is owed and until when it is paid. Replaced whole from the server on every
 * reconnect and after every change the server announces; kept on disk (`site-replica.json`)
 * so a restart during an outage still opens doors. It holds no code: read as a file, it
 * reveals nothing that opens a compartment.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GatewaySetup } from '../link/api.types.js';
import { writeFileDurably } from './durable-file.js';

/** A stored bag as the replica keeps it. */
export interface ReplicaSession {
  sessionId: string;
  compartmentId: string;
  compartmentLabel: string;
  verifier: string;
  /** Owed when the replica was read (minor units). */
  amountDue: number;
  /** Overdue (a fee accrues) after this; null: never. */
  paidUntil: string | null;
}

/** A compartment of a free size the site may fill while cut off. */
export interface ReplicaFreeCompartment {
  compartmentId: string;
  compartmentLabel: string;
  size: string;
}

/** A free size's terms, as offered offline. */
export interface ReplicaFreeSize {
  size: string;
  includedMinutes: number;
  graceMinutes: number;
}

/** The replica as the server sends it. */
export interface ReplicaSnapshot {
  siteId: string;
  asOf: string;
  sessions: ReplicaSession[];
  /** Absent in a replica saved by an older release: no deposits offline then. */
  freeCompartments?: ReplicaFreeCompartment[];
  freeSizes?: ReplicaFreeSize[];
  /** Deposits are taken only once the link has been down this long (the server's rule). */
  depositsAfterSeconds?: number;
}

interface Saved {
  v: 1;
  setup: GatewaySetup | null;
  replica: ReplicaSnapshot | null;
}

const FILE = 'site-replica.json';

/** The replica, in memory and on disk. */
export class SiteReplica {
  private setupValue: GatewaySetup | null = null;
  private snapshotValue: ReplicaSnapshot | null = null;
  private byVerifier = new Map<string, ReplicaSession>();

  private constructor(private readonly file: string) {}

  /** Loads the last saved replica from `stateDir` (none: empty until the server is reached). */
  static open(stateDir: string): SiteReplica {
    fs.mkdirSync(stateDir, { recursive: true });
    const replica = new SiteReplica(path.join(stateDir, FILE));
    try {
      const saved = JSON.parse(fs.readFileSync(replica.file, 'utf8')) as Saved;
      if (saved.v === 1) {
        replica.setupValue = saved.setup;
        replica.index(saved.replica);
      }
    } catch {
      // first start, or a file from elsewhere: the server's replica comes with the link
    }
    return replica;
  }

  /** The set-up last received from the server. */
  get setup(): GatewaySetup | null {
    return this.setupValue;
  }

  /** The stored bags last received, with when the server read them. */
  get snapshot(): ReplicaSnapshot | null {
    return this.snapshotValue;
  }

  /** The stored bag whose code has this verifier. */
  find(verifier: string): ReplicaSession | undefined {
    return this.byVerifier.get(verifier);
  }

  /** Keeps the set-up the gateway applied (saved with the sessions). */
  saveSetup(setup: GatewaySetup): void {
    this.setupValue = setup;
    this.persist();
  }

  /** Replaces the stored bags with the server's latest. */
  replace(snapshot: ReplicaSnapshot): void {
    this.index(snapshot);
    this.persist();
  }

  private index(snapshot: ReplicaSnapshot | null): void {
    this.snapshotValue = snapshot;
    this.byVerifier = new Map((snapshot?.sessions ?? []).map((s) => [s.verifier, s]));
  }

  private persist(): void {
    const saved: Saved = { v: 1, setup: this.setupValue, replica: this.snapshotValue };
    writeFileDurably(this.file, JSON.stringify(saved));
  }
}
