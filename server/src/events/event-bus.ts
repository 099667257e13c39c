import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import type { DoorEventView } from '../modules/door-events/door-event.types.js';
import type { CompartmentView } from '../modules/compartments/compartment.types.js';
import type { AlertView } from '../modules/alerts/alert.types.js';
import type { SessionView } from '../modules/sessions/session.types.js';
import type { GatewayCommandView } from '../modules/gateway-commands/gateway-command.types.js';
import type { GatewayView } from '../modules/devices/device.types.js';

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
};

export type EventBus = PubSub<Topics> & { close(): Promise<void> };

/**
 * In-process by default; with REDIS_URL, events reach subscribers on every server instance.
 * The Redis client is loaded only when configured (it is not small).
 */
export async function createEventBus(redisUrl: string | null): Promise<EventBus> {
  if (!redisUrl) {
    return Object.assign(createPubSub<Topics>(), { close: async () => {} });
  }
  const [{ Redis }, { createRedisEventTarget }] = await Promise.all([import('ioredis'), import('@graphql-yoga/redis-event-target')]);
  const publishClient = new Redis(redisUrl, { lazyConnect: false });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false });
  const bus = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return Object.assign(bus, {
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  });
}

export const ALL_SITES = '*';
