import { ALL_SITES } from '../events/event-bus.js';
import { authorize } from '../auth/authorize.js';
import { siteScope } from '../auth/visibility.js';
import { parseOptionalId } from '../shared/ids.js';
/**
 * Authorises a site-scoped subscription and subscribes to one site's key, or to every site's
 * when the caller may see them all and gave no siteId. Counted in the open-subscriptions gauge.
 */
export function subscribeSiteTopic(ctx, topic, siteIdArg, permission) {
    const requested = parseOptionalId(siteIdArg, 'siteId');
    const scope = siteScope(ctx.caller, requested);
    authorize(ctx.caller, permission, scope?.[0]);
    const key = scope?.[0] ?? ALL_SITES;
    const subscribe = ctx.services.infra.bus.subscribe;
    const source = subscribe(topic, key);
    return counted(ctx, topic, source);
}
/** Wraps an event stream so the gauge follows it, however the client leaves. */
export async function* counted(ctx, name, source) {
    const gauge = ctx.services.infra.metrics.subscriptions;
    gauge.inc({ field: name });
    try {
        yield* source;
    }
    finally {
        gauge.dec({ field: name });
    }
}
//# sourceMappingURL=subscriptions.js.map