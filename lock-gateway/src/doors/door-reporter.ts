/**
 * Sends door changes to the server with reportDoorStates: changes arriving together go in
 * one batch, in order, one request at a time. While the server is away they are kept
 * (bounded) and sent on reconnect, followed by the full state of every door.
 */
import type { Logger } from 'pino';
import type { DoorReport, ServerApi } from '../link/api.types.js';
import { isServerFault, isTransportError } from '../link/graphql-http.js';

const MAX_BUFFER = 10_000;
/** The server takes at most this many reports per call. */
const MAX_BATCH = 500;
/** The server refuses report times more than 5 minutes off its clock; stay inside that. */
const MAX_AGE_MS = 4.5 * 60_000;

/** Batches and delivers door reports. */
export class DoorReporter {
  private buffer: DoorReport[] = [];
  private online = false;
  private sending: Promise<void> | null = null;
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Consecutive unexpected server failures of the batch at the head of the buffer. */
  private faults = 0;

  constructor(
    private readonly api: ServerApi,
    private readonly snapshot: () => DoorReport[],
    private readonly log: Logger,
  ) {}

  /** Queues changes; they leave with the next batch. */
  enqueue(changes: DoorReport[]): void {
    this.buffer.push(...changes);
    if (this.buffer.length > MAX_BUFFER) {
      // The full state after reconnect covers what is dropped here.
      this.buffer.splice(0, this.buffer.length - MAX_BUFFER);
    }
    this.schedule();
  }

  /** The server link is up: flush what was kept, then send every door's state. */
  linkUp(): void {
    this.online = true;
    this.buffer.push(...this.snapshot());
    this.schedule();
  }

  /** The server link is down: keep changes until it is back. */
  linkDown(): void {
    this.online = false;
  }

  /** Sends whatever is queued now (shutdown). */
  async flush(): Promise<void> {
    if (this.sending) await this.sending;
    if (this.online && this.buffer.length > 0) await this.send();
  }

  /** Stops retry timers. */
  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.online = false;
  }

  private schedule(): void {
    if (this.scheduled || !this.online) return;
    this.scheduled = true;
    // setImmediate: changes from several controllers read in the same tick share a batch.
    setImmediate(() => {
      this.scheduled = false;
      if (!this.sending && this.online && this.buffer.length > 0) {
        this.sending = this.send().finally(() => {
          this.sending = null;
          if (this.buffer.length > 0) this.schedule();
        });
      }
    });
  }

  private async send(): Promise<void> {
    const oldest = Date.now() - MAX_AGE_MS;
    const fresh = this.buffer.filter((r) => Date.parse(r.at) >= oldest);
    if (fresh.length < this.buffer.length) {
      // Too old for the server; the full state sent after a reconnect has the outcome.
      this.log.warn({ dropped: this.buffer.length - fresh.length }, 'door changes too old to report');
    }
    const batch = fresh.slice(0, MAX_BATCH);
    this.buffer = fresh.slice(MAX_BATCH);
    if (batch.length === 0) return;
    try {
      await this.api.reportDoorStates(batch);
      this.faults = 0;
      this.log.debug({ count: batch.length }, 'door states reported');
    } catch (error) {
      // Unreachable: keep and retry. An unexpected server failure (a deadlock): retry a few
      // times; reports are idempotent (the server ignores a state it already has).
      if (isTransportError(error) || (isServerFault(error) && ++this.faults <= 5)) {
        this.buffer = [...batch, ...this.buffer];
        this.retryLater();
        return;
      }
      this.faults = 0;
      // One bad report must not sink the others: send them one by one.
      this.log.error({ error: (error as Error).message, count: batch.length }, 'server refused door report batch');
      if (batch.length > 1) await this.sendEach(batch);
    }
  }

  private async sendEach(batch: DoorReport[]): Promise<void> {
    for (const [i, report] of batch.entries()) {
      try {
        await this.api.reportDoorStates([report]);
      } catch (error) {
        if (isTransportError(error)) {
          this.buffer = [...batch.slice(i), ...this.buffer];
          this.retryLater();
          return;
        }
        this.log.error({ error: (error as Error).message, report }, 'server refused door report');
      }
    }
  }

  private retryLater(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.schedule();
    }, 500);
  }
}
