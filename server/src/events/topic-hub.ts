/** What a hub listener is told: each event on its (topic, key), and the end of the stream. */
export interface TopicListener<T> {
  event(payload: T): void;
  end(): void;
}

interface Channel {
  readonly listeners: Set<TopicListener<unknown>>;
  readonly source: AsyncIterator<unknown>;
}

/**
 * One bus subscription per (topic, key) in this process, however many listen to it. The bus's
 * own `subscribe` makes a Repeater and an event-target listener per caller, so a thousand
 * dashboards on one site cost a thousand of each and a promise per dashboard per event; here
 * an event is read once and handed to every listener synchronously, in publish order.
 */
export class TopicHub {
  private readonly channels = new Map<string, Channel>();

  constructor(
    private readonly subscribe: (topic: string, key: string) => AsyncIterable<unknown>,
    /** A listener that throws is dropped (and ended); the others still get the event. */
    private readonly onListenerError: (error: unknown) => void = () => {},
  ) {}

  /** Starts listening at once (events published after this call are heard). Returns the stop. */
  listen<T>(topic: string, key: string, listener: TopicListener<T>): () => void {
    const id = `${topic}\u0000${key}`;
    const channel = this.channels.get(id) ?? this.open(id, topic, key);
    const entry = {
      event: listener.event.bind(listener),
      end: listener.end.bind(listener),
    } as TopicListener<unknown>;
    channel.listeners.add(entry);
    return () => {
      if (!channel.listeners.delete(entry) || channel.listeners.size > 0) return;
      if (this.channels.get(id) === channel) this.channels.delete(id);
      void channel.source.return?.();
    };
  }

  /** Open (topic, key) channels; for tests and metrics. */
  get size(): number {
    return this.channels.size;
  }

  private open(id: string, topic: string, key: string): Channel {
    const channel: Channel = {
      listeners: new Set(),
      source: this.subscribe(topic, key)[Symbol.asyncIterator](),
    };
    this.channels.set(id, channel);
    void this.pump(id, channel);
    return channel;
  }

  private async pump(id: string, channel: Channel): Promise<void> {
    try {
      for (;;) {
        // next() is called before any await, so nothing published after open() is missed
        const r = await channel.source.next();
        if (r.done) break;
        for (const listener of channel.listeners) {
          try {
            listener.event(r.value);
          } catch (error) {
            channel.listeners.delete(listener);
            this.onListenerError(error);
            listener.end();
          }
        }
      }
    } finally {
      if (this.channels.get(id) === channel) this.channels.delete(id);
      for (const listener of channel.listeners) listener.end();
      channel.listeners.clear();
    }
  }
}
