import type { GqlContext } from '../context.js';
import type { Caller } from '../../auth/caller.js';
import type { GatewayCommandView } from '../../modules/gateway-commands/gateway-command.types.js';
import { withCleanup } from '../subscriptions.js';

/** How long the feed waits for its Redis subscription before reading the pending commands anyway. */
const SUBSCRIBE_TIMEOUT_MS = 2000;

/**
 * While Redis is away a command committed on another instance cannot reach this feed, and it
 * expires unexecuted (the traveller was told the door is opening): the feed then reads its
 * gateway's pending commands itself, this often, until Redis is back.
 */
export const POLL_WITHOUT_REDIS_MS = 1000;

/**
 * Ids remembered per connection to skip a command heard twice (read as pending and heard live).
 * Bounded so a gateway connected for months does not grow it without end: a duplicate can only
 * come from the last few reads, and the gateway's own journal runs an id at most once anyway.
 */
const REMEMBERED_IDS = 4096;

function rememberSent(sent: Set<string>, id: string): void {
  sent.add(id);
  if (sent.size > REMEMBERED_IDS) sent.delete(sent.values().next().value as string);
}

/**
 * A gateway's command feed: listens for new commands first (so none slips between the two
 * steps), then sends every pending one, then the live ones, skipping ids already sent.
 * Without Redis it also reads the pending commands every `POLL_WITHOUT_REDIS_MS`.
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
  // ...and in effect on every instance's events before they are read: a command committed
  // elsewhere just after the read must be heard. Without Redis (bounded), the read goes ahead.
  await bus.settled(SUBSCRIBE_TIMEOUT_MS);
  await commands.setConnected(gateway.gatewayId, true);
  const pending = await commands.pending(gateway.gatewayId);
  const sent = new Set(pending.map((c) => c.id)); // sent, or queued in `pending`
  metrics.gatewaysOnline.inc();
  metrics.subscriptions.inc({ field: 'gatewayCommands' });
  let waiting: Promise<IteratorResult<GatewayCommandView>> | null = first;
  let polling: Promise<null> | null = null;
  const pollIfAlone = async (): Promise<null> => {
    await new Promise((r) => setTimeout(r, POLL_WITHOUT_REDIS_MS).unref());
    if (bus.connected()) return null;
    const due = await commands.pending(gateway.gatewayId).catch(() => []);
    for (const command of due) {
      if (sent.has(command.id)) continue;
      rememberSent(sent, command.id);
      pending.push(command);
    }
    return null;
  };

  const feed: AsyncIterator<GatewayCommandView> = {
    async next() {
      for (;;) {
        const replay = pending.shift();
        if (replay) return { done: false, value: replay };
        waiting ??= live.next();
        polling ??= pollIfAlone();
        const result = await Promise.race([waiting, polling]);
        if (result === null) {
          polling = null;
          continue;
        }
        waiting = null;
        if (result.done) return result;
        if (sent.has(result.value.id)) continue;
        rememberSent(sent, result.value.id);
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
