import type { GqlContext } from '../context.js';
import type { TopicStream } from '../live/topic-stream.js';
import { subscribeSiteTopic } from '../subscriptions.js';
import { decodeCursor } from '../../shared/pagination.js';
import { siteScope } from '../../auth/visibility.js';
import { parseOptionalId } from '../../shared/ids.js';
import { toDoorEventView, type DoorEventView } from '../../modules/door-events/door-event.types.js';

/** How long the catch-up waits for the live subscription before reading anyway (Redis away). */
const SUBSCRIBE_TIMEOUT_MS = 2000;

/**
 * The `doorEvents` subscription: live events of a site (or all), and with `since` first every
 * event after that cursor, read once the live stream listens, so nothing falls between the two
 * and an event both read and heard is sent once. A client that lost its connection (its
 * instance restarted) resubscribes with the cursor of the last event it got and misses none.
 */
export async function doorEventStream(
  ctx: GqlContext,
  siteId: string | null,
  since: string | null,
): Promise<TopicStream<DoorEventView>> {
  if (since !== null) decodeCursor(since, ['seq']); // a bad cursor is refused before listening
  const stream = subscribeSiteTopic(ctx, 'DOOR_EVENT', siteId, 'events:subscribe');
  if (since === null) return stream;
  try {
    // the listening must be in effect on every instance's events before the read (with Redis,
    // SUBSCRIBE goes out unanswered): an event committed just after the read is then heard
    await ctx.services.infra.bus.settled(SUBSCRIBE_TIMEOUT_MS);
    const scope = siteScope(ctx.caller, parseOptionalId(siteId, 'siteId'));
    const missed = await ctx.services.doorEvents.newerThan(scope, since);
    const ids = new Set(missed.map((e) => e.id));
    stream.replayFirst(
      missed.map((e) => toDoorEventView(e)),
      (live) => ids.has(live.id),
    );
    return stream;
  } catch (e) {
    await stream.return();
    throw e;
  }
}
