import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
/** In-process by default; with REDIS_URL, events reach subscribers on every server instance. */
export function createEventBus(redisUrl) {
    if (!redisUrl) {
        return Object.assign(createPubSub(), { close: async () => { } });
    }
    const publishClient = new Redis(redisUrl, { lazyConnect: false });
    const subscribeClient = new Redis(redisUrl, { lazyConnect: false });
    const bus = createPubSub({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
    return Object.assign(bus, {
        close: async () => {
            publishClient.disconnect();
            subscribeClient.disconnect();
        },
    });
}
export const ALL_SITES = '*';
//# sourceMappingURL=event-bus.js.map