/**
 * Delivers acknowledgements, retrying while the server is unreachable. Results are already
 * in the command store, and a redelivered command is answered from there, so an ack lost
 * with the process is recovered when the server re-sends the command.
 */
import type { Logger } from 'pino';
import type { CommandResult, ServerApi } from '../link/api.types.js';
import { isServerFault, isTransportError } from '../link/graphql-http.js';

import { sleep } from '../locks/lock-pulser.js';

/** Sends acks in the background until they stick. */
export class AckOutbox {
  private stopped = false;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly api: ServerApi,
    private readonly log: Logger,
  ) {}

  /** Queues an ack; resolves once delivered, refused by the server, or the outbox stopped. */
  ack(commandId: string, result: CommandResult, error: string | null): Promise<void> {
    const p = this.deliver(commandId, result, error).finally(() => this.pending.delete(p));
    this.pending.add(p);
    return p;
  }

  /** Stops retrying (shutdown); undelivered acks are recovered on redelivery. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.pending]);
  }

  private async deliver(commandId: string, result: CommandResult, error: string | null): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.api.ackCommand(commandId, result, error);
        this.log.info({ commandId, result, error }, 'command acknowledged');
        return;
      } catch (e) {
        // Unreachable or failing unexpectedly (its database away): retried until it sticks.
        if (!isTransportError(e) && !isServerFault(e)) {
          // The server answered with an error: retrying would get the same answer.
          this.log.error({ commandId, error: (e as Error).message }, 'server refused ack');
          return;
        }
        await sleep(Math.min(5000, 100 * 2 ** attempt));
      }
    }
  }
}
