import type { GqlContext } from './context.js';
import type { Topics } from '../events/event-bus.js';
import { ALL_SITES } from '../events/event-bus.js';
import { authorize } from '../auth/authorize.js';
import { siteScope } from '../auth/visibility.js';
import { parseOptionalId } from '../shared/ids.js';
import type { Permission } from '../auth/permissions.js';

type SiteTopic = 'DOOR_EVENT' | 'COMPARTMENT_UPDATED' | 'ALERT_RAISED' | 'GATEWAY_UPDATED';

/**
 * Authorises a site-scoped subscription and subscribes to one site's key, or to every site's
 * when the caller may see them all and gave no siteId. Counted in the open-subscriptions gauge.
 */
export function subscribeSiteTopic<K extends SiteTopic>(
  ctx: GqlContext,
  topic: K,
  siteIdArg: string | null | undefined,
  permission: Permission,
): AsyncIterableIterator<Topics[K][1]> {
  const requested = parseOptionalId(siteIdArg, 'siteId');
  const scope = siteScope(ctx.caller, requested);
  authorize(ctx.caller, permission, scope?.[0]);
  const key = scope?.[0] ?? ALL_SITES;
  const subscribe = ctx.services.infra.bus.subscribe as (topic: string, key: string) => AsyncIterable<Topics[K][1]>;
  return counted(ctx, topic, subscribe(topic, key));
}

/**
 * Wraps an event stream so the gauge follows it. A plain iterator, not an async generator:
 * a generator suspended in `await` queues `return()` until the next event, so a client that
 * leaves a quiet stream would be counted (and listened for) until something happens.
 */
export function counted<T>(ctx: GqlContext, name: string, source: AsyncIterable<T>): AsyncIterableIterator<T> {
  const gauge = ctx.services.infra.metrics.subscriptions;
  gauge.inc({ field: name });
  return withCleanup(source[Symbol.asyncIterator](), () => gauge.dec({ field: name }));
}

/** An iterator whose `return()` ends the source at once and runs `cleanup` exactly once. */
export function withCleanup<T>(source: AsyncIterator<T>, cleanup: () => void | Promise<void>): AsyncIterableIterator<T> {
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
