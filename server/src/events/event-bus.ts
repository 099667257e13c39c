import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import type { DoorEventView } from '../modules/door-events/door-event.types.js';
import type { CompartmentView } from '../modules/compartments/compartment.types.js';
import type { AlertView } from '../modules/alerts/alert.types.js';
import type { SessionView } from '../modules/sessions/session.types.js';
import type { GatewayCommandView } from '../modules/gateway-commands/gateway-command.types.js';
import type { GatewayView } from '../modules/devices/device.types.js';
import { TopicHub, type TopicListener } from './topic-hub.js';

/**
 * Topics and their payloads. Site-scoped topics are published twice: under the site id for
 * subscribers of one site, and under "*" for subscribers of all sites.
 */
export type Topics = {
  DOOR_EVENT: [siteId: string, payload: DoorEventView];
  COMPARTMENT_UPDATED: [siteId: string, payload: CompartmentView];
  ALERT_RAISED: [siteId: string, payload: AlertView];
  SESSION_UPDATED: [sessionId: string, payload: SessionView];
  GATEWAY_COMMAND: [gatewayId: string, payload: GatewayCommandView];
  GATEWAY_UPDATED: [siteId: string, payload: GatewayView];
  /** Internal (no GraphQL subscription): a site's settings or its set of compartments changed. */
  SITE_CHANGED: [siteId: string, payload: { siteId: string }];
};

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
};

/**
 * In-process by default; with REDIS_URL, events reach subscribers on every server instance.
 * The Redis client is loaded only when configured (it is not small).
 */
export async function createEventBus(redisUrl: string | null, onListenerError?: (error: unknown) => void): Promise<EventBus> {
  if (!redisUrl) {
    return withLocalListeners(createPubSub<Topics>(), async () => {}, onListenerError);
  }
  const [{ Redis }, { createRedisEventTarget }] = await Promise.all([import('ioredis'), import('@graphql-yoga/redis-event-target')]);
  const publishClient = new Redis(redisUrl, { lazyConnect: false });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false });
  const bus = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return withLocalListeners(
    bus,
    () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
      return Promise.resolve();
    },
    onListenerError,
  );
}

function withLocalListeners(pubSub: PubSub<Topics>, close: () => Promise<void>, onListenerError?: (error: unknown) => void): EventBus {
  const listeners: LocalPublishListener[] = [];
  const send = pubSub.publish.bind(pubSub) as (topic: keyof Topics, key: string, payload: unknown) => void;
  const publish = (topic: keyof Topics, key: string, payload: unknown) => {
    for (const listener of listeners) listener(topic, key, payload);
    send(topic, key, payload);
  };
  const hub = new TopicHub((topic, key) => (pubSub.subscribe as (t: string, k: string) => AsyncIterable<unknown>)(topic, key), onListenerError);
  return {
    subscribe: pubSub.subscribe.bind(pubSub),
    listen: (topic, key, listener) => hub.listen(topic, key, listener),
    publish: publish,
    close,
    onLocalPublish: (listener) => void listeners.push(listener),
  };
}

export const ALL_SITES = '*';
