import { ALL_SITES, type EventBus, type Topics } from '../../events/event-bus.js';
import type { Logger } from '../../observability/logger.js';
import type { SiteView, SizeAvailabilityView } from './site.types.js';

/** What the public read path shows of a site: its settings and, per size, free/total and the tariff. */
export interface SiteSnapshot {
  readonly site: SiteView;
  readonly availability: readonly SizeAvailabilityView[];
}

export interface SiteReadCacheOptions {
  /** Safety net only: an entry is reloaded after this even if no event said so (a lost Redis message). */
  maxAgeMs: number;
  maxEntries: number;
  now?: () => number;
}

/** The events after which a site's snapshot may be wrong. */
const INVALIDATING: ReadonlySet<keyof Topics> = new Set(['COMPARTMENT_UPDATED', 'SITE_CHANGED']);

/**
 * In-process cache of site snapshots. Every change to a compartment's status, a site's
 * settings, its tariffs or its set of compartments publishes an event after its commit; the snapshot is
 * dropped when that event is published on this instance (synchronously, before the writer
 * answers) and again when it arrives from other instances. A generation counter keeps a load
 * that raced a change from storing what it read before the change. Misses (unknown ids) are
 * not cached: they cannot grow the cache.
 */
export class SiteReadCache {
  private readonly entries = new Map<string, { value: SiteSnapshot; loadedAt: number }>();
  private readonly pending = new Map<string, Promise<SiteSnapshot | null>>();
  /** The generation of each site's last invalidation; a load may store only if it began at or after it. */
  private readonly invalidatedAt = new Map<string, number>();
  private generation = 0;
  /** Loads begun before this may not store (set when `invalidatedAt` is trimmed). */
  private floor = 0;
  private readonly now: () => number;

  constructor(
    private readonly load: (siteId: string) => Promise<SiteSnapshot | null>,
    private readonly opts: SiteReadCacheOptions,
  ) {
    this.now = opts.now ?? Date.now;
  }

  /** The snapshot, from memory when it is current; a plain value on a hit (no promise to await). */
  get(siteId: string): SiteSnapshot | Promise<SiteSnapshot | null> {
    return this.current(siteId) ?? this.pending.get(siteId) ?? this.fill(siteId);
  }

  /**
   * The snapshot held now, if it is current; never loads. Compared by identity: after a
   * change the site has no snapshot, then a new object, so an equal one means no change since.
   */
  current(siteId: string): SiteSnapshot | undefined {
    const hit = this.entries.get(siteId);
    return hit && this.now() - hit.loadedAt < this.opts.maxAgeMs ? hit.value : undefined;
  }

  /** Forgets a site's snapshot; loads under way may no longer store theirs. */
  invalidate(siteId: string): void {
    this.generation++;
    if (this.invalidatedAt.size >= this.opts.maxEntries) {
      this.invalidatedAt.clear();
      this.floor = this.generation;
    }
    this.invalidatedAt.set(siteId, this.generation);
    this.entries.delete(siteId);
    this.pending.delete(siteId);
  }

  /**
   * Invalidates on the events that change a snapshot: at publish time for this instance's own
   * changes, and from the bus (Redis across instances) for everyone's.
   */
  listen(bus: EventBus, logger: Logger): () => Promise<void> {
    bus.onLocalPublish((topic, key) => {
      if (key !== ALL_SITES && INVALIDATING.has(topic)) this.invalidate(key);
    });
    const streams = [
      bus.subscribe('COMPARTMENT_UPDATED', ALL_SITES),
      bus.subscribe('SITE_CHANGED', ALL_SITES),
    ];
    for (const stream of streams) {
      (async () => {
        for await (const event of stream) this.invalidate(event.siteId);
      })().catch((err: unknown) => {
        // without the stream, only the age limit bounds staleness after other instances' changes
        logger.error({ err }, 'site read cache stopped following events');
      });
    }
    // ends the streams (UNSUBSCRIBE with Redis): await it before closing the bus
    return async () => {
      await Promise.all(streams.map((stream) => stream.return?.()));
    };
  }

  private fill(siteId: string): Promise<SiteSnapshot | null> {
    const started = this.generation;
    const loadedAt = this.now();
    const promise = this.load(siteId).then(
      (value) => {
        if (this.pending.get(siteId) === promise) this.pending.delete(siteId);
        const current = started >= this.floor && (this.invalidatedAt.get(siteId) ?? 0) <= started;
        if (value && current) {
          if (this.entries.size >= this.opts.maxEntries) this.entries.clear();
          this.entries.set(siteId, { value, loadedAt });
        }
        return value;
      },
      (err: unknown) => {
        if (this.pending.get(siteId) === promise) this.pending.delete(siteId);
        throw err;
      },
    );
    this.pending.set(siteId, promise);
    return promise;
  }
}
