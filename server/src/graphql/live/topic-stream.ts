import type { TopicListener } from '../../events/topic-hub.js';

/**
 * One subscriber's stream of a bus topic, listening through the process's hub from the moment
 * it is made. Read it as an async iterator (any consumer, events buffered in order), or attach
 * a sink to have events pushed as they are published (the WebSocket path: no promise per event
 * per subscriber). It ends on return(), or when the bus ends the topic; `cleanup` runs once.
 */
export class TopicStream<T> implements AsyncIterableIterator<T>, TopicListener<T> {
  private readonly buffered: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private sink: TopicListener<T> | null = null;
  private ended = false;
  private readonly stop: () => void;

  constructor(
    listen: (listener: TopicListener<T>) => () => void,
    private readonly cleanup: () => void = () => {},
  ) {
    this.stop = listen(this);
  }

  /** Switches to push mode: what is buffered goes first, then every event as it comes. */
  attach(sink: TopicListener<T>): void {
    this.sink = sink;
    for (const payload of this.buffered.splice(0)) sink.event(payload);
    if (this.ended) sink.end();
  }

  /**
   * Catch-up: `events` (read after this stream began listening) go out before anything live,
   * and a live event already among them (`replayed`) is dropped, now or when it arrives later.
   * Call before `attach` or the first `next`.
   */
  replayFirst(events: T[], replayed: (live: T) => boolean): void {
    if (events.length === 0) return;
    this.skip = replayed;
    const live = this.buffered.splice(0).filter((e) => !replayed(e));
    this.buffered.push(...events, ...live);
  }

  private skip: ((live: T) => boolean) | null = null;

  event(payload: T): void {
    if (this.ended || this.skip?.(payload)) return;
    if (this.sink) this.sink.event(payload);
    else if (this.waiting) this.settle({ done: false, value: payload });
    else this.buffered.push(payload);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.cleanup();
    this.sink?.end();
    this.settle({ done: true, value: undefined });
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffered.length > 0) return Promise.resolve({ done: false, value: this.buffered.shift()! });
    if (this.ended) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.stop();
    this.buffered.length = 0;
    this.end();
    return Promise.resolve({ done: true, value: undefined });
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private settle(result: IteratorResult<T>): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.(result);
  }
}
