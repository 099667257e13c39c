import type { GqlContext } from './context.js';
import type { Topics } from '../events/event-bus.js';
import { ALL_SITES } from '../events/event-bus.js';
import { authorize } from '../auth/authorize.js';
import { siteScope } from '../auth/visibility.js';
import { parseOptionalId } from '../shared/ids.js';
import type { Permission } from '../auth/permissions.js';
import { TopicStream } from './live/topic-stream.js';

type SiteTopic = 'DOOR_EVENT' | 'COMPARTMENT_UPDATED' | 'ALERT_RAISED' | 'GATEWAY_UPDATED';

/**
 * Authorises a site-scoped subscription and subscribes to one site's key, or to every site's
 * when the caller gave no siteId: all of them for a caller who may see them all, only its own
 * sites' events for one limited to several. Counted in the open-subscriptions gauge.
 */
export function subscribeSiteTopic<K extends SiteTopic>(
  ctx: GqlContext,
  topic: K,
  siteIdArg: string | null | undefined,
  permission: Permission,
): TopicStream<Topics[K][1]> {
  const requested = parseOptionalId(siteIdArg, 'siteId');
  const scope = siteScope(ctx.caller, requested);
  authorize(ctx.caller, permission, scope?.[0]);
  if (scope === null || scope.length === 1) return subscribeTopic(ctx, topic, scope?.[0] ?? ALL_SITES, topic);
  const sites = new Set(scope);
  return subscribeTopic(ctx, topic, ALL_SITES, topic, (event) => sites.has(siteOfEvent(event)));
}

/** Every site-scoped topic's payload names its site. */
const siteOfEvent = (event: unknown): string => (event as { siteId: string }).siteId;

/**
 * One subscriber's stream of a bus topic and key, through the process's topic hub (one bus
 * subscription per topic and key, however many subscribe), counted in the open-subscriptions
 * gauge under `gaugeField` while it lasts.
 */
export function subscribeTopic<K extends keyof Topics>(
  ctx: GqlContext,
  topic: K,
  key: string,
  gaugeField: string,
  keep: (event: Topics[K][1]) => boolean = () => true,
): TopicStream<Topics[K][1]> {
  const gauge = ctx.services.infra.metrics.subscriptions;
  gauge.inc({ field: gaugeField });
  const bus = ctx.services.infra.bus;
  return new TopicStream<Topics[K][1]>(
    (listener) =>
      bus.listen(topic, key, { event: (e) => keep(e) && listener.event(e), end: () => listener.end() }),
    () => gauge.dec({ field: gaugeField }),
  );
}

/** An iterator whose `return()` ends the source at once and runs `cleanup` exactly once. */
export function withCleanup<T>(
  source: AsyncIterator<T>,
  cleanup: () => void | Promise<void>,
): AsyncIterableIterator<T> {
  let ended = false;
  const end = async () => {
    if (ended) return;
    ended = true;
    await cleanup();
  };
  return {
    async next() {
      const result = await source.next();
      if (result.done) await end();
      return result;
    },
    async return(value?: unknown) {
      await end();
      await source.return?.();
      return { done: true, value: value as T };
    },
    async throw(error?: unknown) {
      await end();
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
