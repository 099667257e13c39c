import { isPresent } from './presence.js';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/common.types.js';
import type { GatewayEntity } from '../../entities/gateway.entity.js';
import type { KioskEntity } from '../../entities/kiosk.entity.js';

@ObjectType('Gateway')
export class GatewayView {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean) online!: boolean;
  @Field(() => DateTime, { nullable: true }) lastSeenAt!: Date | null;
  siteId!: string;
}

/** Online: its presence has not expired (see `presence.ts`). */
export function toGatewayView(g: GatewayEntity, now: Date): GatewayView {
  return {
    id: g.id,
    name: g.name,
    online: isPresent(g.lastSeenAt, now),
    lastSeenAt: g.lastSeenAt,
    siteId: g.siteId,
  };
}

@ObjectType('Kiosk')
export class KioskView {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => DateTime, { nullable: true }) lastSeenAt!: Date | null;
  siteId!: string;
}

export const toKioskView = (k: KioskEntity): KioskView => ({
  id: k.id,
  name: k.name,
  lastSeenAt: k.lastSeenAt,
  siteId: k.siteId,
});

@ObjectType('DeviceCredentials')
export class DeviceCredentials {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Shown once' }) token!: string;
}
