import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { GqlContext } from '../../graphql/context.js';
import { DeviceCredentials, GatewayView, KioskView } from './device.types.js';
import { SiteView, toSiteView } from '../sites/site.types.js';
import { authorize } from '../../auth/authorize.js';
import { parseId } from '../../shared/ids.js';

@Resolver(() => GatewayView)
export class GatewayFieldsResolver {
  @Mutation(() => DeviceCredentials, { description: 'ADMIN; the token is shown once' })
  async registerGateway(@Arg('siteId', () => ID) siteId: string, @Arg('name', () => String) name: string, @Ctx() { caller, services }: GqlContext): Promise<DeviceCredentials> {
    authorize(caller, 'setup:write');
    return services.devices.registerGateway(parseId(siteId, 'siteId'), name);
  }

  @Mutation(() => DeviceCredentials, { description: 'ADMIN; the token is shown once' })
  async registerKiosk(@Arg('siteId', () => ID) siteId: string, @Arg('name', () => String) name: string, @Ctx() { caller, services }: GqlContext): Promise<DeviceCredentials> {
    authorize(caller, 'setup:write');
    return services.devices.registerKiosk(parseId(siteId, 'siteId'), name);
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
