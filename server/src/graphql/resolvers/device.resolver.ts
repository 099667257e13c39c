import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { DEFAULT_ROTATION_GRACE_SECONDS } from '../../modules/devices/device-token.service.js';
import { subscribeSiteTopic } from '../../graphql/subscriptions.js';
import type { GqlContext } from '../../graphql/context.js';
import { DeviceCredentials, GatewayView, KioskView } from '../../modules/devices/device.types.js';
import { SiteView, toSiteView } from '../../modules/sites/site.types.js';
import { authorize } from '../../auth/authorize.js';
import { parseId } from '../../shared/ids.js';
import { auditActor } from '../../auth/caller.js';

@Resolver(() => GatewayView)
export class GatewayFieldsResolver {
  @Mutation(() => DeviceCredentials, { description: 'ADMIN; the token is shown once' })
  async registerGateway(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('name', () => String) name: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<DeviceCredentials> {
    authorize(caller, 'setup:write');
    return services.devices.registerGateway(parseId(siteId, 'siteId'), name);
  }

  @Mutation(() => DeviceCredentials, { description: 'ADMIN; the token is shown once' })
  async registerKiosk(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('name', () => String) name: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<DeviceCredentials> {
    authorize(caller, 'setup:write');
    return services.devices.registerKiosk(parseId(siteId, 'siteId'), name);
  }

  @Mutation(() => DeviceCredentials, {
    description:
      'ADMIN: a new token for a kiosk or gateway (shown once); the old one keeps working for graceSeconds (0: revoked at once, its connections closed)',
  })
  async rotateDeviceToken(
    @Arg('deviceId', () => ID) deviceId: string,
    @Ctx() { caller, services }: GqlContext,
    @Arg('graceSeconds', () => Int, { nullable: true, defaultValue: DEFAULT_ROTATION_GRACE_SECONDS })
    graceSeconds: number = DEFAULT_ROTATION_GRACE_SECONDS,
  ): Promise<DeviceCredentials> {
    authorize(caller, 'setup:write');
    const r = await services.deviceTokens.rotate(
      parseId(deviceId, 'deviceId'),
      auditActor(caller),
      graceSeconds,
    );
    return { id: r.id, token: r.token, oldTokenValidUntil: r.oldTokenValidUntil };
  }

  @Mutation(() => ID, {
    description:
      'ADMIN: no token of the kiosk or gateway works any more and its connections close; rotate to issue a new one',
  })
  async revokeDeviceToken(
    @Arg('deviceId', () => ID) deviceId: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<string> {
    authorize(caller, 'setup:write');
    return (await services.deviceTokens.revoke(parseId(deviceId, 'deviceId'), auditActor(caller))).id;
  }

  @Subscription(() => GatewayView, {
    description: 'A gateway connected, disconnected or fell silent',
    subscribe: ({ args, context }) =>
      subscribeSiteTopic(
        context as GqlContext,
        'GATEWAY_UPDATED',
        (args as { siteId?: string | null }).siteId ?? null,
        'events:subscribe',
      ),
  })
  gatewayUpdated(
    @Root() g: GatewayView,
    @Arg('siteId', () => ID, { nullable: true }) _siteId?: string,
  ): GatewayView {
    return g;
  }

  @FieldResolver(() => SiteView)
  async site(@Root() g: GatewayView, @Ctx() { loaders }: GqlContext): Promise<SiteView> {
    return toSiteView((await loaders.site.load(g.siteId))!);
  }
}

@Resolver(() => KioskView)
export class KioskFieldsResolver {
  @FieldResolver(() => SiteView)
  async site(@Root() k: KioskView, @Ctx() { loaders }: GqlContext): Promise<SiteView> {
    return toSiteView((await loaders.site.load(k.siteId))!);
  }
}
