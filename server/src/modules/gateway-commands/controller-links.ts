import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from '../../shared/common.types.js';
import { badInput } from '../../errors/domain-error.js';
import type { Effects } from '../../db/transaction.js';
import { raiseAlert } from '../alerts/alert.raiser.js';
import { isPresent } from '../devices/presence.js';

/**
 * One controller's link as the gateway's door poller sees it, sent with its door reports
 * (its presence). The gateway sends `lastGoodReadAt` only once every change read up to it
 * is delivered, so "up since S, last good read R" means: this controller's doors were read
 * without a break from S to R and the server has every change of that span. Timers judge a
 * door only over a span so covered.
 */
@InputType('ControllerLinkInput')
export class ControllerLinkInput {
  @Field(() => String, { description: 'The endpoint of a bank of this gateway, as in its config' })
  endpoint!: string;
  @Field(() => Boolean) up!: boolean;
  @Field(() => DateTime, {
    description: 'When `up` last changed (for an up link: the first read of an unbroken run)',
  })
  since!: Date;
  @Field(() => DateTime, { nullable: true }) lastGoodReadAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it is down' }) error?: string | null;
}

const MAX_CONTROLLERS = 256;
const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export function checkControllerLinks(links: ControllerLinkInput[], now: Date): void {
  if (links.length > MAX_CONTROLLERS) throw badInput('controllers', `at most ${MAX_CONTROLLERS} controllers`);
  for (const l of links) {
    if (l.endpoint.length === 0 || l.endpoint.length > 300)
      throw badInput('controllers.endpoint', 'endpoint must be 1 to 300 characters');
    if (l.error && l.error.length > 500)
      throw badInput('controllers.error', 'error must be at most 500 characters');
    for (const t of [l.since, l.lastGoodReadAt]) {
      if (t && t.getTime() - now.getTime() > MAX_FUTURE_SKEW_MS)
        throw badInput('controllers', 'a time is more than 5 minutes ahead of the server clock');
    }
  }
}

/**
 * Stores the links (one row per gateway and endpoint; a report older than the stored one is
 * ignored) and raises CONTROLLER_UNREACHABLE when one goes down. Its doors are reported
 * UNKNOWN by the gateway; scans and remote opens that need it are refused meanwhile.
 */
export async function recordControllerLinks(
  em: EntityManager,
  fx: Effects,
  gateway: { id: string; siteId: string; name: string },
  links: ControllerLinkInput[],
  now: Date,
): Promise<boolean> {
  if (links.length === 0) return false;
  const gatewayId = gateway.id;
  const before = await em.execute<{ endpoint: string; up: boolean }[]>(
    `select endpoint, up from gateway_controller where gateway_id = ? for update`,
    [gatewayId],
  );
  const wasUp = new Map(before.map((r) => [r.endpoint, r.up]));
  const changed = links.some((l) => wasUp.get(l.endpoint) !== l.up);
  for (const l of links) {
    if (l.up || wasUp.get(l.endpoint) === false) continue;
    raiseAlert(em, fx, {
      type: 'CONTROLLER_UNREACHABLE',
      siteId: gateway.siteId,
      gatewayId,
      message: `Gateway ${gateway.name} cannot read controller ${l.endpoint}${l.error ? ` (${l.error})` : ''}: its doors are unknown and its compartments are not used`,
      at: now,
    });
  }
  const values = links.map(() => '(?, ?, ?, ?, ?::timestamptz, ?, ?)').join(', ');
  const params = links.flatMap((l) => [
    gatewayId,
    l.endpoint,
    l.up,
    l.since,
    l.lastGoodReadAt ?? null,
    l.error ?? null,
    now,
  ]);
  await em.execute(
    `insert into gateway_controller (gateway_id, endpoint, up, since, last_good_read_at, error, reported_at)
     values ${values}
     on conflict (gateway_id, endpoint) do update set up = excluded.up, since = excluded.since,
       last_good_read_at = excluded.last_good_read_at, error = excluded.error, reported_at = excluded.reported_at
     where gateway_controller.reported_at <= excluded.reported_at`,
    params,
  );
  return changed;
}

export type ControllerState = 'UP' | 'DOWN' | 'UNKNOWN';
export const ControllerState = { UP: 'UP', DOWN: 'DOWN', UNKNOWN: 'UNKNOWN' } as const;
registerEnumType(ControllerState, {
  name: 'ControllerState',
  valuesConfig: {
    UNKNOWN: { description: 'No fresh word from the gateway (offline, or it has not read it yet)' },
  },
});

@ObjectType('ControllerLink', {
  description: "A bank's relay-board controller as its gateway last reported it",
})
export class ControllerLinkView {
  @Field(() => String) endpoint!: string;
  @Field(() => ControllerState) state!: ControllerState;
  @Field(() => DateTime, { nullable: true, description: 'Since when it is up or down' }) since!: Date | null;
  @Field(() => DateTime, { nullable: true }) lastGoodReadAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it is down' }) error!: string | null;
}

/** Which controller a bank's doors hang on: its gateway and the endpoint that gateway reads. */
export const controllerKey = (bank: { gatewayId: string | null; modbusEndpoint: string }): string =>
  `${bank.gatewayId ?? ''} ${bank.modbusEndpoint}`;

/**
 * Controller links by `controllerKey`, several banks' in one query; UNKNOWN for a bank whose
 * gateway is not present or has not reported that endpoint.
 */
export async function controllerLinksOf(
  em: EntityManager,
  keys: string[],
  now: Date,
): Promise<Map<string, ControllerLinkView>> {
  const wanted = keys.map((key) => {
    const [gatewayId = '', endpoint = ''] = key.split(' ');
    return { key, gatewayId, endpoint };
  });
  const gatewayIds = [...new Set(wanted.map((w) => w.gatewayId).filter((id) => id !== ''))];
  const rows =
    gatewayIds.length === 0
      ? []
      : await em.execute<
          {
            gateway_id: string;
            endpoint: string | null;
            up: boolean | null;
            since: Date | null;
            last_good_read_at: Date | null;
            error: string | null;
            last_seen_at: Date | null;
          }[]
        >(
          `select g.id as gateway_id, gc.endpoint, gc.up, gc.since, gc.last_good_read_at, gc.error, g.last_seen_at
           from gateway g left join gateway_controller gc on gc.gateway_id = g.id
           where g.id in (${gatewayIds.map(() => '?').join(', ')})`,
          gatewayIds,
        );
  const links = new Map<string, ControllerLinkView>();
  for (const { key, gatewayId, endpoint } of wanted) {
    const row = rows.find((r) => r.gateway_id === gatewayId && r.endpoint === endpoint);
    // raw rows carry times as text
    const lastGoodReadAt = row?.last_good_read_at ? new Date(row.last_good_read_at) : null;
    const unknown: ControllerLinkView = {
      endpoint,
      state: 'UNKNOWN',
      since: null,
      lastGoodReadAt,
      error: null,
    };
    const present = rows.some((r) => r.gateway_id === gatewayId && isPresent(r.last_seen_at, now));
    if (!row || row.up === null || !row.since || !present) {
      links.set(key, unknown);
      continue;
    }
    links.set(key, {
      endpoint,
      state: row.up ? 'UP' : 'DOWN',
      since: new Date(row.since),
      lastGoodReadAt,
      error: row.error,
    });
  }
  return links;
}
