import { FanOutQueue, type FanOut } from './fan-out-queue.js';

/** What a hub listener is told: each event on its (topic, key), and the end of the stream. */
export interface TopicListener<T> {
  event(payload: T): void;
  end(): void;
}

interface Channel {
  readonly listeners: Set<Entry>;
  readonly source: AsyncIterator<unknown>;
  /** Events this channel has read so far: a listener gets those read after it joined. */
  seq: number;
  /** Its queued hand-out that has not started yet: later events join it. */
  gathering: ChannelFanOut | null;
}

interface Entry extends TopicListener<unknown> {
  /** The channel's `seq` when it joined. */
  readonly since: number;
}

export interface TopicHubOptions {
  /** A listener that throws is dropped (and ended); the others still get the event. */
  onListenerError?: (error: unknown) => void;
  /**
   * Topics a person stands waiting for (their own session): handed out at once, ahead of any
   * fan-out still under way. Every other topic's events go through one queue in publish
   * order, at most `budgetMs` of hand-out per turn of the event loop.
   */
  immediate?: (topic: string) => boolean;
  /**
   * Half a millisecond by default: a request's every statement waits for the turn under way to
   * end, so a scan of 7 round trips during a site's burst waited up to 7 turns; shorter turns
   * cost the fan-out itself nothing measurable (README, "Performance").
   */
  budgetMs?: number;
}

/**
 * One bus subscription per (topic, key) in this process, however many listen to it. The bus's
 * own `subscribe` makes a Repeater and an event-target listener per caller, so a thousand
 * dashboards on one site cost a thousand of each and a promise per dashboard per event; here
 * an event is read once and handed to every listener in publish order, without a promise
 * each (`FanOutQueue`: a burst is handed out in slices, between which requests go on).
 */
export class TopicHub {
  private readonly channels = new Map<string, Channel>();
  private readonly queue: FanOutQueue;
  private readonly onListenerError: (error: unknown) => void;
  private readonly immediate: (topic: string) => boolean;

  constructor(
    private readonly subscribe: (topic: string, key: string) => AsyncIterable<unknown>,
    options: TopicHubOptions = {},
  ) {
    this.onListenerError = options.onListenerError ?? (() => {});
    this.immediate = options.immediate ?? (() => false);
    this.queue = new FanOutQueue(options.budgetMs ?? 0.5);
  }

  /** Starts listening at once (events published after this call are heard). Returns the stop. */
  listen<T>(topic: string, key: string, listener: TopicListener<T>): () => void {
    const id = `${topic}\u0000${key}`;
    const channel = this.channels.get(id) ?? this.open(id, topic, key);
    const entry: Entry = {
      event: listener.event.bind(listener),
      end: listener.end.bind(listener),
      since: channel.seq,
    };
    channel.listeners.add(entry);
    return () => {
      if (!channel.listeners.delete(entry) || channel.listeners.size > 0) return;
      if (this.channels.get(id) === channel) this.channels.delete(id);
      void channel.source.return?.();
    };
  }

  /** Hand-outs not yet finished; for tests and metrics. */
  get queued(): number {
    return this.queue.pending;
  }

  /** Open (topic, key) channels; for tests and metrics. */
  get size(): number {
    return this.channels.size;
  }

  private open(id: string, topic: string, key: string): Channel {
    const channel: Channel = {
      listeners: new Set(),
      source: this.subscribe(topic, key)[Symbol.asyncIterator](),
      seq: 0,
      gathering: null,
    };
    this.channels.set(id, channel);
    void this.pump(id, channel, this.immediate(topic));
    return channel;
  }

  private async pump(id: string, channel: Channel, immediate: boolean): Promise<void> {
    try {
      for (;;) {
        // next() is called before any await, so nothing published after open() is missed
        const r = await channel.source.next();
        if (r.done) break;
        const seq = ++channel.seq;
        if (immediate) for (const entry of channel.listeners) this.deliver(channel, entry, r.value);
        else if (channel.gathering) channel.gathering.events.push({ seq, payload: r.value });
        else {
          channel.gathering = new ChannelFanOut(this, channel, { seq, payload: r.value });
          this.queue.add(channel.gathering);
        }
      }
    } finally {
      if (this.channels.get(id) === channel) this.channels.delete(id);
      // ended after the events still queued for them
      const end = (entry: Entry) => void (channel.listeners.delete(entry) && this.end(entry));
      if (immediate) channel.listeners.forEach(end);
      else {
        let ending: Entry[] = [];
        this.queue.add({
          start: () => (ending = [...channel.listeners]).length,
          deliverTo: (i) => end(ending[i]!),
        });
      }
    }
  }

  /** @internal one event to one listener; a listener that throws is dropped and ended */
  deliver(channel: Channel, entry: Entry, payload: unknown): void {
    try {
      entry.event(payload);
    } catch (error) {
      channel.listeners.delete(entry);
      this.onListenerError(error);
      this.end(entry);
    }
  }

  /** One listener's clean-up that throws must not stop the others' (nor the process). */
  private end(entry: Entry): void {
    try {
      entry.end();
    } catch (error) {
      this.onListenerError(error);
    }
  }
}

/**
 * A channel's events queued together, handed out listener by listener: each listener gets all
 * of them at once (its frames leave in one write), only those read after it joined, and none
 * once it has left.
 */
class ChannelFanOut implements FanOut {
  readonly events: Array<{ seq: number; payload: unknown }>;
  private listeners: Entry[] = [];

  constructor(
    private readonly hub: TopicHub,
    private readonly channel: Channel,
    first: { seq: number; payload: unknown },
  ) {
    this.events = [first];
  }

  start(): number {
    if (this.channel.gathering === this) this.channel.gathering = null;
    this.listeners = [...this.channel.listeners];
    return this.listeners.length;
  }

  /** Final once started: no event joins a hand-out the queue has reached. */
  get weight(): number {
    return this.events.length;
  }

  deliverTo(index: number): void {
    const entry = this.listeners[index]!;
    for (const { seq, payload } of this.events) {
      if (!this.channel.listeners.has(entry)) return;
      if (seq > entry.since) this.hub.deliver(this.channel, entry, payload);
    }
  }
}
