import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { TopicHub, type TopicListener } from './topic-hub.js';

/**
 * Topics and their payloads. Site-scoped topics are published twice: under the site id for
 * subscribers of one site, and under "*" for subscribers of all sites.
 *
 * The module that owns a payload declares its topic by augmenting this interface in its
 * `<feature>.topics.ts` (as fastify's decorators do), so the bus at the bottom of the layers
 * never imports the modules that publish on it.
 */
export interface TopicRegistry {
  /** Internal (no GraphQL subscription): a site's settings or its set of compartments changed. */
  SITE_CHANGED: [siteId: string, payload: { siteId: string }];
}

/** The registry as a plain object type (an interface has no index signature, PubSub needs one). */
export type Topics = { [K in keyof TopicRegistry]: TopicRegistry[K] };

/** Sees every event published on this instance, synchronously, before it is sent on. */
export type LocalPublishListener = (topic: keyof Topics, key: string, payload: unknown) => void;

export type EventBus = PubSub<Topics> & {
  close(): Promise<void>;
  /**
   * Registers a listener called at publish time on the publishing instance. With Redis, an
   * instance's own subscribers hear its events only after a round trip: a cache that must
   * not serve stale data after its own instance's commit listens here as well.
   */
  onLocalPublish(listener: LocalPublishListener): void;
  /**
   * Listens to one (topic, key) through a hub shared by the whole process: the way for
   * many subscribers to one stream (GraphQL subscriptions). Returns the function that stops.
   */
  listen<K extends keyof Topics>(topic: K, key: string, listener: TopicListener<Topics[K][1]>): () => void;
  /**
   * Hears one (topic, key) as it is published on this instance: called inside `publish`, before
   * the event leaves for the other instances and before the publisher goes on. For a listener
   * that must not wait for Redis's round trip (a lock's command to a gateway connected here).
   * Events of other instances come only through `listen`, which hears this instance's again:
   * a listener of both drops the second copy. Returns the function that stops.
   */
  listenHere<K extends keyof Topics>(
    topic: K,
    key: string,
    listener: (payload: Topics[K][1]) => void,
  ): () => void;
  /** Whether events reach the other instances now (Redis connected); always true without Redis. */
  connected(): boolean;
  /**
   * Resolves true once every subscription asked for so far is in effect, so an event another
   * instance publishes from now on is heard (with Redis, SUBSCRIBE is sent without waiting
   * for its answer); false if that is not known within `timeoutMs` (Redis away). A reader
   * that subscribes and then reads the current state waits for this in between, or an event
   * published between its read and its subscription taking effect is lost.
   */
  settled(timeoutMs: number): Promise<boolean>;
};

export interface EventBusOptions {
  /** Prepended to every channel: deployments sharing one Redis never hear each other. */
  prefix?: string;
  onListenerError?: (error: unknown) => void;
  /** Redis connection errors (it reconnects by itself); logged once per outage by the caller. */
  onRedisError?: (error: Error) => void;
}

/**
 * In-process by default; with REDIS_URL, events reach subscribers on every server instance.
 * The Redis client is loaded only when configured (it is not small).
 */
export async function createEventBus(redisUrl: string | null, opts: EventBusOptions = {}): Promise<EventBus> {
  const { onListenerError } = opts;
  if (!redisUrl) {
    return withLocalListeners(
      createPubSub<Topics>(),
      () => Promise.resolve(),
      () => true,
      () => Promise.resolve(true),
      onListenerError,
    );
  }
  const [{ Redis }, { createRedisEventTarget }] = await Promise.all([
    import('ioredis'),
    import('@graphql-yoga/redis-event-target'),
  ]);
  // Publishes wait in the client's queue through an outage (no retry limit) and go out on reconnect.
  // Pipelined: a commit's events (each published twice, for its site and for all sites) leave in
  // one write, so Redis sends them on to every instance together and each instance hands them
  // out in one turn: a dashboard's door event and compartment update then share one socket
  // write (one message through a proxy) instead of one each (test/live/event-bus-redis.test.ts).
  const publishClient = new Redis(redisUrl, {
    lazyConnect: false,
    maxRetriesPerRequest: null,
    enableAutoPipelining: true,
  });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  for (const client of [publishClient, subscribeClient])
    client.on('error', (e: Error) => opts.onRedisError?.(e));
  // The event target fires its SUBSCRIBE, UNSUBSCRIBE and PUBLISH without handling their
  // answers: after close() (a subscription still ending at shutdown) they reject, and an
  // unhandled rejection ends the process. Each answer is handled here instead.
  let closed = false;
  const handled = (sent: Promise<unknown>): void =>
    void sent.catch((e: Error) => {
      if (!closed) opts.onRedisError?.(e);
    });
  const subscriber = {
    on: subscribeClient.on.bind(subscribeClient),
    subscribe: (...channels: string[]) => handled(subscribeClient.subscribe(...channels)),
    unsubscribe: (...channels: string[]) => handled(subscribeClient.unsubscribe(...channels)),
  };
  const publisher = {
    publish: (channel: string, message: string) => handled(publishClient.publish(channel, message)),
  };
  const target = prefixed(
    createRedisEventTarget({
      publishClient: publisher as unknown as typeof publishClient,
      subscribeClient: subscriber as unknown as typeof subscribeClient,
    }),
    opts.prefix ?? '',
  );
  const bus = createPubSub<Topics>({ eventTarget: target });
  return withLocalListeners(
    bus,
    () => {
      closed = true;
      publishClient.disconnect();
      subscribeClient.disconnect();
      return Promise.resolve();
    },
    () => publishClient.status === 'ready' && subscribeClient.status === 'ready',
    // Redis answers a connection's commands in order: the PING's answer comes after every
    // SUBSCRIBE sent before it has taken effect.
    (timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      return Promise.race([
        subscribeClient.ping().then(
          () => true,
          () => false,
        ),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs))),
      ]).finally(() => clearTimeout(timer));
    },
    onListenerError,
  );
}

/** Redis channels are not keys: ioredis's keyPrefix does not reach them, so the bus prefixes them. */
function prefixed(target: EventTarget, prefix: string): EventTarget {
  if (!prefix) return target;
  return {
    addEventListener: (type, listener, options) => target.addEventListener(prefix + type, listener, options),
    removeEventListener: (type, listener, options) =>
      target.removeEventListener(prefix + type, listener, options),
    dispatchEvent: (event) =>
      target.dispatchEvent(
        new CustomEvent(prefix + event.type, { detail: (event as CustomEvent<unknown>).detail }),
      ),
  };
}

function withLocalListeners(
  pubSub: PubSub<Topics>,
  close: () => Promise<void>,
  connected: () => boolean,
  settled: (timeoutMs: number) => Promise<boolean>,
  onListenerError?: (error: unknown) => void,
): EventBus {
  const listeners: LocalPublishListener[] = [];
  const here = new Map<string, Set<(payload: unknown) => void>>();
  const send = pubSub.publish.bind(pubSub) as (topic: keyof Topics, key: string, payload: unknown) => void;
  const publish = (topic: keyof Topics, key: string, payload: unknown) => {
    for (const listener of listeners) listener(topic, key, payload);
    const heard = here.get(`${topic}\u0000${key}`);
    if (heard) {
      for (const listener of [...heard]) {
        try {
          listener(payload);
        } catch (error) {
          // the publisher's commit is done: one listener's failure must not stop its announcements
          onListenerError?.(error);
        }
      }
    }
    send(topic, key, payload);
  };
  const hub = new TopicHub(
    (topic, key) => (pubSub.subscribe as (t: string, k: string) => AsyncIterable<unknown>)(topic, key),
    // a person at a kiosk or phone waits on their session or their door: never behind a burst
    // for the dashboards, and each has a listener or two
    { onListenerError, immediate: (topic) => topic === 'SESSION_UPDATED' || topic === 'GATEWAY_COMMAND' },
  );
  return {
    subscribe: pubSub.subscribe.bind(pubSub),
    listen: (topic, key, listener) => hub.listen(topic, key, listener),
    listenHere: (topic, key, listener) => {
      const id = `${topic}\u0000${key}`;
      let heard = here.get(id);
      if (!heard) here.set(id, (heard = new Set()));
      const entry = listener as (payload: unknown) => void;
      heard.add(entry);
      return () => {
        heard.delete(entry);
        if (heard.size === 0 && here.get(id) === heard) here.delete(id);
      };
    },
    publish: publish,
    close,
    connected,
    settled,
    onLocalPublish: (listener) => void listeners.push(listener),
  };
}

export const ALL_SITES = '*';
