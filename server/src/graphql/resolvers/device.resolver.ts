import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { subscribeSiteTopic } from '../subscriptions.js';
import type { GqlContext } from '../context.js';
import { DeviceCredentials, GatewayView, KioskView } from '../../modules/devices/device.types.js';
import { SiteView, toSiteView } from '../../modules/sites/site.types.js';
import { authorize } from '../../auth/authorize.js';
import { parseId } from '../../shared/ids.js';

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
      'ADMIN: a new token for a kiosk or gateway (shown once); the old one is revoked at once and its connections closed',
  })
  async rotateDeviceToken(
    @Arg('deviceId', () => ID) deviceId: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<DeviceCredentials> {
    authorize(caller, 'setup:write');
    const { id, token } = await services.devices.rotateToken(parseId(deviceId, 'deviceId'));
    return { id, token };
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
