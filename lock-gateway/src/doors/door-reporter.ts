/**
 * Sends door changes to the server with reportDoorStates, in reading order, one request at
 * a time. A change leaves the buffer only once the server has confirmed it: on any failure
 * (unreachable, its database away, a crash) the batch is kept and retried with backoff, and
 * the full state of every door follows once it gets through. Only a report the server
 * refuses outright (one bad report among good ones) is dropped. Every `heartbeatMs`, and
 * with any batch that empties the buffer, the controllers' links go along as the gateway's
 * presence: their last good read then vouches that every change read before it was delivered.
 */
import type { Logger } from 'pino';
import type { ControllerLink, DoorReport, ServerApi } from '../link/api.types.js';
import { isServerFault, isTransportError } from '../link/graphql-http.js';

const MAX_BUFFER = 100_000;
/** The server takes at most this many reports per call. */
const MAX_BATCH = 500;
/** The server refuses readings more than 24 hours old; stay inside that. */
const MAX_AGE_MS = 23 * 3600_000;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5000;

/** Where the reporter gets door and controller state from. */
export interface DoorReporterSources {
  /** Every door's state as of its latest read. */
  snapshot: () => DoorReport[];
  /** Every controller's link. */
  controllers: () => ControllerLink[];
}

/** Batches and delivers door reports and the gateway's presence. */
export class DoorReporter {
  private buffer: DoorReport[] = [];
  private online = false;
  private sending: Promise<void> | null = null;
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  /** Consecutive failed deliveries (for the backoff). */
  private failures = 0;
  /** Something failed since the last full state was confirmed: send it again. */
  private resync = false;
  /** A full state is in the buffer, not yet confirmed. */
  private snapshotQueued = false;
  private heartbeatDue = false;

  constructor(
    private readonly api: ServerApi,
    private readonly sources: DoorReporterSources,
    private readonly log: Logger,
    private readonly heartbeatMs = 2000,
  ) {}

  /** Queues changes; they leave with the next batch. */
  enqueue(changes: DoorReport[]): void {
    this.buffer.push(...changes);
    if (this.buffer.length > MAX_BUFFER) {
      // The full state sent after this covers what is dropped here.
      this.log.error(
        { dropped: this.buffer.length - MAX_BUFFER },
        'door report buffer full: oldest changes dropped',
      );
      this.buffer.splice(0, this.buffer.length - MAX_BUFFER);
      this.resync = true;
    }
    this.schedule();
  }

  /** The server link is up: deliver what was kept, then every door's state, then heartbeats. */
  linkUp(): void {
    this.online = true;
    this.resync = true;
    this.heartbeatDue = true;
    if (!this.heartbeatTimer && this.heartbeatMs > 0) {
      this.heartbeatTimer = setInterval(() => {
        this.heartbeatDue = true;
        this.schedule();
      }, this.heartbeatMs);
      this.heartbeatTimer.unref();
    }
    this.schedule();
  }

  /** Whether the server link is up, as far as reports go. */
  get isOnline(): boolean {
    return this.online;
  }

  /** The server link is down: keep changes until it is back. */
  linkDown(): void {
    this.online = false;
  }

  /** Changes not yet confirmed by the server. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Sends whatever is queued now (shutdown). */
  async flush(): Promise<void> {
    if (this.sending) await this.sending;
    if (this.online && this.buffer.length > 0) await this.send();
  }

  /** Stops timers. */
  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.retryTimer = null;
    this.heartbeatTimer = null;
    this.online = false;
  }

  private schedule(): void {
    if (this.scheduled || !this.online || this.retryTimer) return;
    this.scheduled = true;
    // setImmediate: changes from several controllers read in the same tick share a batch.
    setImmediate(() => {
      this.scheduled = false;
      if (
        !this.sending &&
        this.online &&
        !this.retryTimer &&
        (this.buffer.length > 0 || this.heartbeatDue || this.resync)
      ) {
        this.sending = this.send().finally(() => {
          this.sending = null;
          if (this.buffer.length > 0 || this.resync) this.schedule();
        });
      }
    });
  }

  private async send(): Promise<void> {
    if (this.resync && !this.snapshotQueued) {
      // After the kept changes, so reading order holds (a snapshot's times are its last reads).
      this.buffer.push(...this.sources.snapshot());
      this.snapshotQueued = true;
    }
    this.resync = false;
    const oldest = Date.now() - MAX_AGE_MS;
    const fresh = this.buffer.filter((r) => Date.parse(r.at) >= oldest);
    if (fresh.length < this.buffer.length) {
      this.log.warn({ dropped: this.buffer.length - fresh.length }, 'door changes too old to report');
      this.buffer = fresh;
    }
    const batch = this.buffer.slice(0, MAX_BATCH);
    const drains = batch.length === this.buffer.length;
    // Taken now: every change read up to these links' last good reads is in the buffer.
    const controllers = drains ? this.sources.controllers() : undefined;
    try {
      await this.api.reportDoorStates(batch, controllers);
      this.confirmed(batch.length, drains);
      this.log.debug({ count: batch.length }, 'door states reported');
    } catch (error) {
      this.resync = true;
      if (isTransportError(error) || isServerFault(error) || batch.length === 0) {
        this.retryLater(error);
        return;
      }
      // One bad report must not sink the others: send them one by one, drop the refused.
      this.log.error(
        { error: (error as Error).message, count: batch.length },
        'server refused door report batch',
      );
      await this.sendEach(batch.length);
    }
  }

  private confirmed(count: number, drained: boolean): void {
    this.buffer.splice(0, count);
    this.failures = 0;
    if (drained) {
      this.heartbeatDue = false;
      if (this.buffer.length === 0) this.snapshotQueued = false;
    }
  }

  private async sendEach(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const report = this.buffer[0]!;
      try {
        await this.api.reportDoorStates([report]);
      } catch (error) {
        if (isTransportError(error) || isServerFault(error)) {
          this.retryLater(error);
          return;
        }
        this.log.error({ error: (error as Error).message, report }, 'server refused door report');
      }
      this.buffer.shift();
    }
  }

  private retryLater(error: unknown): void {
    this.failures++;
    const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** (this.failures - 1));
    this.log.warn(
      { error: (error as Error).message, pending: this.buffer.length, retryInMs: delay },
      'door reports not delivered; kept for retry',
    );
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.schedule();
    }, delay);
  }
}
