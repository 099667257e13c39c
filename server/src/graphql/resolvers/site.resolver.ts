import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GqlContext } from '../context.js';
import {
  LocalSiteNameInput,
  SiteView,
  SizeAvailabilityView,
  toSiteView,
} from '../../modules/sites/site.types.js';
import { authorize, can } from '../../auth/authorize.js';
import { siteScope } from '../../auth/visibility.js';
import { parseId } from '../../shared/ids.js';
import { mapMaybe, type MaybePromise } from '../../shared/maybe-promise.js';
import {
  LockerBankView,
  CompartmentView,
  toBankView,
  toCompartmentView,
} from '../../modules/compartments/compartment.types.js';
import { CompartmentSize, CompartmentStatus } from '../../entities/compartment.enums.js';
import { TariffView, toTariffView } from '../../modules/tariffs/tariff.types.js';
import { GatewayView, KioskView, toGatewayView, toKioskView } from '../../modules/devices/device.types.js';
import { forbidden } from '../../errors/domain-error.js';
import { auditActor } from '../../auth/caller.js';

@Resolver(() => SiteView)
export class SiteResolver {
  @Query(() => [SiteView])
  async sites(@Ctx() { caller, services }: GqlContext): Promise<SiteView[]> {
    const scope = siteScope(caller, null);
    authorize(caller, 'sites:read', scope?.[0]);
    return (await services.sites.list(scope ?? undefined)).map(toSiteView);
  }

  /** Public: the depositor's phone page shows a site's name, sizes and prices (at hand when cached). */
  @Query(() => SiteView, { nullable: true })
  site(@Arg('id', () => ID) id: string, @Ctx() { services }: GqlContext): MaybePromise<SiteView | null> {
    return mapMaybe(services.sites.snapshot(parseId(id, 'id')), (snapshot) => snapshot?.site ?? null);
  }

  /** Public: the phone page's address names its site by slug (or, the old address, by id). */
  @Query(() => SiteView, { nullable: true })
  async siteByAddress(
    @Arg('address', () => String) address: string,
    @Ctx() { services }: GqlContext,
  ): Promise<SiteView | null> {
    const id = await services.sites.resolveAddress(address);
    return id ? ((await services.sites.snapshot(id))?.site ?? null) : null;
  }

  @Mutation(() => SiteView, { description: 'ADMIN' })
  async createSite(
    @Arg('name', () => String) name: string,
    @Arg('timezone', () => String) timezone: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<SiteView> {
    authorize(caller, 'setup:write');
    return toSiteView(await services.sites.create(name, timezone));
  }

  @Mutation(() => SiteView, { description: 'ADMIN' })
  async updateSite(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, services }: GqlContext,
    @Arg('name', () => String, { nullable: true }) name?: string,
    @Arg('slug', () => String, {
      nullable: true,
      description: "The phone page's short address: 3 to 40 of a-z, 0-9 and single hyphens",
    })
    slug?: string,
    @Arg('timezone', () => String, { nullable: true }) timezone?: string,
    @Arg('codeLifetimeMinutes', () => Int, { nullable: true }) codeLifetimeMinutes?: number,
    @Arg('depositWindowSeconds', () => Int, { nullable: true }) depositWindowSeconds?: number,
    @Arg('leftOpenSeconds', () => Int, { nullable: true }) leftOpenSeconds?: number,
    @Arg('abandonAfterDays', () => Int, {
      nullable: true,
      description: 'Days overdue before a session is marked abandoned (1 to 365)',
    })
    abandonAfterDays?: number,
    @Arg('unlockAckTimeoutSeconds', () => Int, { nullable: true }) unlockAckTimeoutSeconds?: number,
    @Arg('gatewayHeartbeatSeconds', () => Int, { nullable: true }) gatewayHeartbeatSeconds?: number,
    @Arg('pulseMs', () => Int, { nullable: true }) pulseMs?: number,
    @Arg('paymentWindowSeconds', () => Int, {
      nullable: true,
      description: 'How long a compartment is held while a traveller pays',
    })
    paymentWindowSeconds?: number,
    @Arg('accessOpensPerSession', () => Int, { nullable: true, description: '-1 removes the limit' })
    accessOpensPerSession?: number,
  ): Promise<SiteView> {
    authorize(caller, 'setup:write');
    const site = await services.sites.update(
      parseId(id, 'id'),
      {
        name,
        slug,
        timezone,
        codeLifetimeMinutes,
        depositWindowSeconds,
        leftOpenSeconds,
        abandonAfterDays,
        unlockAckTimeoutSeconds,
        gatewayHeartbeatSeconds,
        pulseMs,
        paymentWindowSeconds,
        accessOpensPerSession,
      },
      auditActor(caller),
    );
    return toSiteView(site);
  }

  @Mutation(() => SiteView, { description: "ADMIN: the site's name per language (en, de, fr, es)" })
  async setSiteLocalNames(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('names', () => [LocalSiteNameInput]) names: LocalSiteNameInput[],
    @Ctx() { caller, services }: GqlContext,
  ): Promise<SiteView> {
    authorize(caller, 'setup:write');
    return toSiteView(await services.sites.setLocalNames(parseId(siteId, 'siteId'), names));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The phone page's full address (QR codes, links) under the server's PUBLIC_BASE_URL; null when that is not set: the app's own origin then",
  })
  phoneUrl(@Root() site: SiteView, @Ctx() { services }: GqlContext): string | null {
    const base = services.infra.config.publicBaseUrl;
    return base ? `${base}/kiosk/phone/${encodeURIComponent(site.slug)}` : null;
  }

  @FieldResolver(() => [LockerBankView])
  async banks(@Root() site: SiteView, @Ctx() { caller, services }: GqlContext): Promise<LockerBankView[]> {
    authorize(caller, 'sites:read', site.id);
    return (await services.compartments.banksOfSite(site.id)).map(toBankView);
  }

  @FieldResolver(() => [CompartmentView])
  async compartments(
    @Root() site: SiteView,
    @Ctx() { caller, services }: GqlContext,
    @Arg('status', () => CompartmentStatus, { nullable: true }) status?: CompartmentStatus,
    @Arg('size', () => CompartmentSize, { nullable: true }) size?: CompartmentSize,
  ): Promise<CompartmentView[]> {
    authorize(caller, 'sites:read', site.id);
    return (await services.compartments.list(site.id, { status, size })).map(toCompartmentView);
  }

  @FieldResolver(() => [SizeAvailabilityView])
  availability(
    @Root() site: SiteView,
    @Ctx() { services }: GqlContext,
  ): MaybePromise<readonly SizeAvailabilityView[]> {
    return services.sites.availability(site.id);
  }

  @FieldResolver(() => [TariffView])
  async tariffs(@Root() site: SiteView, @Ctx() { services }: GqlContext): Promise<TariffView[]> {
    return (await services.tariffs.forSite(site.id)).map(toTariffView);
  }

  @FieldResolver(() => [GatewayView], { description: 'Staff only' })
  async gateways(@Root() site: SiteView, @Ctx() { caller, services }: GqlContext): Promise<GatewayView[]> {
    if (caller.kind !== 'user' && caller.kind !== 'apiKey') throw forbidden('Staff only');
    authorize(caller, 'sites:read', site.id);
    const now = services.infra.clock.now();
    return (await services.devices.gatewaysOfSite(site.id)).map((g) => toGatewayView(g, now));
  }

  @FieldResolver(() => [KioskView], { description: 'Staff only' })
  async kiosks(@Root() site: SiteView, @Ctx() { caller, services }: GqlContext): Promise<KioskView[]> {
    if (caller.kind !== 'user' || !can(caller, 'sites:read', site.id)) throw forbidden('Staff only');
    return (await services.devices.kiosksOfSite(site.id)).map(toKioskView);
  }
}
