import type { SharedResult } from './shared-result.js';
import type { SocketWriter } from './socket-writer.js';
import { nextMessagePrefix } from './ws-internals.js';

/** The end of a `next` message after its result (`nextMessagePrefix` opens it). */
const CLOSE = Buffer.from('}');

/**
 * Delivers one graphql-ws subscription's results to its socket, in event order: each result is
 * serialised and encoded once per event (shared by every subscriber with the same operation and
 * caller) and written with this subscription's id spliced in, without JSON or UTF-8 work per
 * subscriber.
 */
export class SubscriptionDelivery {
  private readonly queue: SharedResult[] = [];
  private readonly prefix: Buffer;
  private closed = false;
  private ending = false;
  private onEnded: () => void = () => {};

  constructor(
    id: string,
    private readonly writer: SocketWriter,
  ) {
    this.prefix = Buffer.from(nextMessagePrefix(id));
  }

  push(result: SharedResult): void {
    if (this.closed || this.ending) return;
    this.queue.push(result);
    if (this.queue.length === 1) this.flush();
  }

  /** The stream ended: deliver what is queued, then call `onEnded` (graphql-ws sends complete). */
  end(onEnded: () => void): void {
    this.ending = true;
    this.onEnded = onEnded;
    if (this.queue.length === 0) this.finish();
  }

  /** The client completed or left: drop what is queued. */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
  }

  private readonly flush = (): void => {
    while (this.queue.length > 0 && !this.closed) {
      const head = this.queue[0]!;
      if (head.bytes === undefined) {
        head.whenReady(this.flush); // a result with async fields: wait for it, order kept
        return;
      }
      this.queue.shift();
      this.writer.write([this.prefix, head.bytes, CLOSE]);
    }
    if (this.ending) this.finish();
  };

  private finish(): void {
    const done = this.onEnded;
    this.onEnded = () => {};
    done();
  }
}
