import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../../graphql/common.types.js';
import type { GatewayEntity } from './gateway.entity.js';
import type { KioskEntity } from './kiosk.entity.js';

@ObjectType('Gateway')
export class GatewayView {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean) online!: boolean;
  @Field(() => DateTime, { nullable: true }) lastSeenAt!: Date | null;
  siteId!: string;
}

/** Online: a command subscription is open and it was heard from within the site's heartbeat window. */
export function toGatewayView(g: GatewayEntity, heartbeatSeconds: number, now: Date): GatewayView {
  const fresh = g.lastSeenAt !== null && now.getTime() - new Date(g.lastSeenAt).getTime() <= heartbeatSeconds * 1000;
  return { id: g.id, name: g.name, online: g.connections > 0 && fresh, lastSeenAt: g.lastSeenAt, siteId: g.siteId };
}

@ObjectType('Kiosk')
export class KioskView {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => DateTime, { nullable: true }) lastSeenAt!: Date | null;
  siteId!: string;
}

export const toKioskView = (k: KioskEntity): KioskView => ({ id: k.id, name: k.name, lastSeenAt: k.lastSeenAt, siteId: k.siteId });

@ObjectType('DeviceCredentials')
export class DeviceCredentials {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Shown once' }) token!: string;
}
