import type { GqlContext } from '../context.js';
import type { Caller } from '../../auth/caller.js';
import type { GatewayCommandView } from '../../modules/gateway-commands/gateway-command.types.js';
import { withCleanup } from '../subscriptions.js';

/**
 * A gateway's command feed: listens for new commands first (so none slips between the two
 * steps), then sends every pending one, then the live ones, skipping ids already sent.
 * An open subscription is not presence (a crashed gateway's socket can look open for a
 * while): the gateway's own heartbeats are (see `devices/presence.ts`). When the gateway
 * leaves, `return()` ends the stream at once (see `withCleanup`) and dashboards hear of it.
 */
export async function commandStream(
  ctx: GqlContext,
  gateway: Extract<Caller, { kind: 'gateway' }>,
): Promise<AsyncIterableIterator<GatewayCommandView>> {
  const { bus, metrics } = ctx.services.infra;
  const commands = ctx.services.gatewayCommands;
  const live = bus.subscribe('GATEWAY_COMMAND', gateway.gatewayId)[Symbol.asyncIterator]();
  const first = live.next(); // starts listening now, before the pending ones are read
  await commands.setConnected(gateway.gatewayId, true);
  const pending = await commands.pending(gateway.gatewayId);
  const sent = new Set(pending.map((c) => c.id));
  metrics.gatewaysOnline.inc();
  metrics.subscriptions.inc({ field: 'gatewayCommands' });
  let started = false;

  const feed: AsyncIterator<GatewayCommandView> = {
    async next() {
      const replay = pending.shift();
      if (replay) return { done: false, value: replay };
      for (;;) {
        const result = started ? await live.next() : await first;
        started = true;
        if (result.done) return result;
        if (sent.has(result.value.id)) continue;
        sent.add(result.value.id);
        return result;
      }
    },
    return: async () => {
      await live.return?.();
      return { done: true, value: undefined };
    },
  };

  return withCleanup(feed, async () => {
    metrics.gatewaysOnline.dec();
    metrics.subscriptions.dec({ field: 'gatewayCommands' });
    await commands.setConnected(gateway.gatewayId, false).catch(() => {});
  });
}
