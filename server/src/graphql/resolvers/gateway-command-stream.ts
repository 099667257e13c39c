import type { GqlContext } from '../context.js';
import type { Caller } from '../../auth/caller.js';
import type { GatewayCommandView } from '../../modules/gateway-commands/gateway-command.types.js';
import type { TopicListener } from '../../events/topic-hub.js';
import { TopicStream } from '../live/topic-stream.js';

/** How long the feed waits for its Redis subscription before reading the pending commands anyway. */
const SUBSCRIBE_TIMEOUT_MS = 2000;

/**
 * While Redis is away a command committed on another instance cannot reach this feed, and it
 * expires unexecuted (the traveller was told the door is opening): the feed then reads its
 * gateway's pending commands itself, this often, until Redis is back.
 */
export const POLL_WITHOUT_REDIS_MS = 1000;

/**
 * Ids remembered per connection to skip a command heard twice (handed over here at publish and
 * heard again through the bus, or read as pending and heard live). Bounded so a gateway
 * connected for months does not grow it without end: a duplicate can only come from the last
 * few events, and the gateway's own journal runs an id at most once anyway.
 */
const REMEMBERED_IDS = 4096;

function rememberSent(sent: Set<string>, id: string): void {
  sent.add(id);
  if (sent.size > REMEMBERED_IDS) sent.delete(sent.values().next().value as string);
}

/**
 * A gateway's command feed: listens for new commands first (so none slips between the two
 * steps), then sends every pending one, then the live ones, each id once.
 *
 * A command committed on the instance the gateway is connected to is handed over inside its
 * publication (`listenHere`): the stream is pushed, so its frame is on the gateway's socket
 * before the scan's other announcements are built and without waiting for Redis's round trip
 * (a person stands at the door, and a Redis outage does not slow this instance's own unlocks).
 * Commands of other instances come through the bus; without Redis they are read from the
 * pending ones every `POLL_WITHOUT_REDIS_MS`.
 *
 * An open subscription is not presence (a crashed gateway's socket can look open for a
 * while): the gateway's own heartbeats are (see `devices/presence.ts`). When the gateway
 * leaves, `return()` ends the stream at once and dashboards hear of it.
 */
export async function commandStream(
  ctx: GqlContext,
  gateway: Extract<Caller, { kind: 'gateway' }>,
): Promise<TopicStream<GatewayCommandView>> {
  const { bus, metrics } = ctx.services.infra;
  const commands = ctx.services.gatewayCommands;
  const { gatewayId } = gateway;
  const sent = new Set<string>(); // sent, or queued in the stream
  let poll: NodeJS.Timeout | null = null;
  let stopListening = () => {};
  metrics.gatewaysOnline.inc();
  metrics.subscriptions.inc({ field: 'gatewayCommands' });
  const stream = new TopicStream<GatewayCommandView>(
    (listener) => {
      const once: TopicListener<GatewayCommandView> = {
        event: (command) => {
          if (sent.has(command.id)) return;
          rememberSent(sent, command.id);
          listener.event(command);
        },
        end: () => listener.end(),
      };
      const stopHere = bus.listenHere('GATEWAY_COMMAND', gatewayId, (command) => once.event(command));
      const stopBus = bus.listen('GATEWAY_COMMAND', gatewayId, once);
      poll = setInterval(() => void pollIfAlone(once), POLL_WITHOUT_REDIS_MS).unref();
      stopListening = () => {
        stopHere();
        stopBus();
      };
      return stopListening;
    },
    () => {
      // also when the bus ends the stream, not only on return()
      stopListening();
      if (poll) clearInterval(poll);
      metrics.gatewaysOnline.dec();
      metrics.subscriptions.dec({ field: 'gatewayCommands' });
      void commands.setConnected(gatewayId, false).catch(() => {});
    },
  );
  let polling = false;
  const pollIfAlone = async (into: TopicListener<GatewayCommandView>): Promise<void> => {
    if (polling || bus.connected()) return;
    polling = true;
    try {
      for (const command of await commands.pending(gatewayId)) into.event(command);
    } catch {
      // the database is away too: the next tick tries again
    } finally {
      polling = false;
    }
  };
  try {
    // in effect on every instance's events before they are read: a command committed
    // elsewhere just after the read must be heard. Without Redis (bounded), the read goes ahead.
    await bus.settled(SUBSCRIBE_TIMEOUT_MS);
    await commands.setConnected(gatewayId, true);
    const pending = await commands.pending(gatewayId);
    const pendingIds = new Set(pending.map((c) => c.id));
    for (const id of pendingIds) rememberSent(sent, id);
    // in the order they were issued, before the live ones heard meanwhile (each once)
    stream.replayFirst(pending, (live) => pendingIds.has(live.id));
  } catch (error) {
    await stream.return();
    throw error;
  }
  return stream;
}
