import type { GqlContext } from './context.js';
import type { Topics } from '../events/event-bus.js';
import { ALL_SITES } from '../events/event-bus.js';
import { authorize } from '../auth/authorize.js';
import { siteScope } from '../auth/visibility.js';
import { parseOptionalId } from '../shared/ids.js';
import type { Permission } from '../auth/permissions.js';

type SiteTopic = 'DOOR_EVENT' | 'COMPARTMENT_UPDATED' | 'ALERT_RAISED';

/**
 * Authorises a site-scoped subscription and subscribes to one site's key, or to every site's
 * when the caller may see them all and gave no siteId. Counted in the open-subscriptions gauge.
 */
export function subscribeSiteTopic<K extends SiteTopic>(
  ctx: GqlContext,
  topic: K,
  siteIdArg: string | null | undefined,
  permission: Permission,
): AsyncIterable<Topics[K][1]> {
  const requested = parseOptionalId(siteIdArg, 'siteId');
  const scope = siteScope(ctx.caller, requested);
  authorize(ctx.caller, permission, scope?.[0]);
  const key = scope?.[0] ?? ALL_SITES;
  const subscribe = ctx.services.infra.bus.subscribe as (topic: string, key: string) => AsyncIterable<Topics[K][1]>;
  const source = subscribe(topic, key);
  return counted(ctx, topic, source);
}

/** Wraps an event stream so the gauge follows it, however the client leaves. */
export async function* counted<T>(ctx: GqlContext, name: string, source: AsyncIterable<T>): AsyncGenerator<T> {
  const gauge = ctx.services.infra.metrics.subscriptions;
  gauge.inc({ field: name });
  try {
    yield* source;
  } finally {
    gauge.dec({ field: name });
  }
}
