import { isPresent } from './presence.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../shared/common.types.js';
import type { GatewayEntity } from '../../entities/gateway.entity.js';
import type { KioskEntity } from '../../entities/kiosk.entity.js';

/** How a gateway's site stands with the server. */
export type GatewayMode = 'ONLINE' | 'OFFLINE' | 'OFFLINE_AUTONOMOUS';
export const GatewayMode = {
  ONLINE: 'ONLINE',
  OFFLINE: 'OFFLINE',
  OFFLINE_AUTONOMOUS: 'OFFLINE_AUTONOMOUS',
} as const satisfies Record<GatewayMode, GatewayMode>;
registerEnumType(GatewayMode, {
  name: 'GatewayMode',
  valuesConfig: {
    OFFLINE: { description: 'Not heard from, and no site path: nothing behind it opens' },
    OFFLINE_AUTONOMOUS: {
      description:
        'Not heard from, but it keeps a replica (the site path): stored, paid bags still open at the site and are replayed on its return',
    },
  },
});

@ObjectType('Gateway')
export class GatewayView {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean) online!: boolean;
  @Field(() => DateTime, { nullable: true }) lastSeenAt!: Date | null;
  @Field(() => GatewayMode) mode!: GatewayMode;
  @Field(() => Int, {
    description:
      "Events its site took offline that the server does not have yet, as of the gateway's last replay (while cut off, the site cannot tell: it replays them first thing on return)",
  })
  offlineEventsWaiting!: number;
  siteId!: string;
}

/** The columns a gateway view is made of. */
export type GatewayViewSource = Pick<
  GatewayEntity,
  'id' | 'name' | 'lastSeenAt' | 'siteId' | 'sitePathAt' | 'offlineEventsWaiting'
>;

/** Online: its presence has not expired (see `presence.ts`); away with a replica: autonomous. */
export function toGatewayView(g: GatewayViewSource, now: Date): GatewayView {
  const online = isPresent(g.lastSeenAt, now);
  return {
    id: g.id,
    name: g.name,
    online,
    lastSeenAt: g.lastSeenAt,
    mode: online ? 'ONLINE' : g.sitePathAt ? 'OFFLINE_AUTONOMOUS' : 'OFFLINE',
    offlineEventsWaiting: g.offlineEventsWaiting,
    siteId: g.siteId,
  };
}

@ObjectType('Kiosk')
export class KioskView {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => DateTime, { nullable: true }) lastSeenAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The kiosk app version it last reported' })
  appVersion!: string | null;
  @Field(() => Boolean, { description: 'Not heard from for 3 minutes (a KIOSK_QUIET alert is open)' })
  quiet!: boolean;
  siteId!: string;
}

export const toKioskView = (k: KioskEntity): KioskView => ({
  id: k.id,
  name: k.name,
  lastSeenAt: k.lastSeenAt,
  appVersion: k.appVersion,
  quiet: k.quietAlerted,
  siteId: k.siteId,
});

@ObjectType('DeviceCredentials')
export class DeviceCredentials {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Shown once' }) token!: string;
  @Field(() => DateTime, {
    nullable: true,
    description: 'After a rotation: the token it replaced keeps working until then',
  })
  oldTokenValidUntil?: Date | null;
}
