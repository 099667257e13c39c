import { SiteEntity } from '../sites/site.entity.js';
/**
 * A gateway's command feed: listens for new commands first (so none slips between the two
 * steps), then sends every pending one, then the live ones, skipping ids already sent.
 * While it is open the gateway counts as connected and its presence is refreshed.
 */
export async function* commandStream(ctx, gateway) {
    const { bus, metrics, em } = ctx.services.infra;
    const commands = ctx.services.gatewayCommands;
    const live = bus.subscribe('GATEWAY_COMMAND', gateway.gatewayId)[Symbol.asyncIterator]();
    let next = live.next();
    const site = await em.fork().findOneOrFail(SiteEntity, gateway.siteId);
    const heartbeat = setInterval(() => void commands.seen(gateway.gatewayId).catch(() => { }), Math.max(1000, (site.gatewayHeartbeatSeconds * 1000) / 3));
    metrics.gatewaysOnline.inc();
    metrics.subscriptions.inc({ field: 'gatewayCommands' });
    const sent = new Set();
    try {
        await commands.setConnected(gateway.gatewayId, true);
        for (const command of await commands.pending(gateway.gatewayId)) {
            sent.add(command.id);
            yield command;
        }
        for (;;) {
            const result = await next;
            if (result.done)
                return;
            next = live.next();
            if (sent.has(result.value.id))
                continue;
            sent.add(result.value.id);
            yield result.value;
        }
    }
    finally {
        clearInterval(heartbeat);
        metrics.gatewaysOnline.dec();
        metrics.subscriptions.dec({ field: 'gatewayCommands' });
        await live.return?.();
        await commands.setConnected(gateway.gatewayId, false).catch(() => { });
    }
}
//# sourceMappingURL=command-stream.js.map