import { Field, InputType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from '../../graphql/common.types.js';
import { badInput } from '../../errors/domain-error.js';

/**
 * One controller's link as the gateway's door poller sees it, sent with its door reports
 * (its presence). The gateway sends `lastGoodReadAt` only once every change read up to it
 * is delivered, so "up since S, last good read R" means: this controller's doors were read
 * without a break from S to R and the server has every change of that span. Timers judge a
 * door only over a span so covered.
 */
@InputType('ControllerLinkInput')
export class ControllerLinkInput {
  @Field(() => String, { description: 'The endpoint of a bank of this gateway, as in its config' }) endpoint!: string;
  @Field(() => Boolean) up!: boolean;
  @Field(() => DateTime, { description: 'When `up` last changed (for an up link: the first read of an unbroken run)' }) since!: Date;
  @Field(() => DateTime, { nullable: true }) lastGoodReadAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it is down' }) error?: string | null;
}

const MAX_CONTROLLERS = 256;
const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export function checkControllerLinks(links: ControllerLinkInput[], now: Date): void {
  if (links.length > MAX_CONTROLLERS) throw badInput('controllers', `at most ${MAX_CONTROLLERS} controllers`);
  for (const l of links) {
    if (l.endpoint.length === 0 || l.endpoint.length > 300) throw badInput('controllers.endpoint', 'endpoint must be 1 to 300 characters');
    if (l.error && l.error.length > 500) throw badInput('controllers.error', 'error must be at most 500 characters');
    for (const t of [l.since, l.lastGoodReadAt]) {
      if (t && t.getTime() - now.getTime() > MAX_FUTURE_SKEW_MS) throw badInput('controllers', 'a time is more than 5 minutes ahead of the server clock');
    }
  }
}

/** Stores the links (one row per gateway and endpoint); a link's times never go back. */
export async function recordControllerLinks(em: EntityManager, gatewayId: string, links: ControllerLinkInput[], now: Date): Promise<void> {
  if (links.length === 0) return;
  const values = links.map(() => '(?, ?, ?, ?, ?::timestamptz, ?, ?)').join(', ');
  const params = links.flatMap((l) => [gatewayId, l.endpoint, l.up, l.since, l.lastGoodReadAt ?? null, l.error ?? null, now]);
  await em.execute(
    `insert into gateway_controller (gateway_id, endpoint, up, since, last_good_read_at, error, reported_at)
     values ${values}
     on conflict (gateway_id, endpoint) do update set up = excluded.up, since = excluded.since,
       last_good_read_at = excluded.last_good_read_at, error = excluded.error, reported_at = excluded.reported_at
     where gateway_controller.reported_at <= excluded.reported_at`,
    params,
  );
}
