import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { AlertView, toAlertView } from '../../modules/alerts/alert.types.js';
import { SiteView, toSiteView } from '../../modules/sites/site.types.js';
import { CompartmentView, toCompartmentView } from '../../modules/compartments/compartment.types.js';
import { SessionView } from '../../modules/sessions/session.types.js';
import { authorize, can } from '../../auth/authorize.js';
import { actorName } from '../../auth/caller.js';
import { siteScope } from '../../auth/visibility.js';
import { parseId, parseOptionalId } from '../../shared/ids.js';
import { subscribeSiteTopic } from '../subscriptions.js';

@Resolver(() => AlertView)
export class AlertResolver {
  @Query(() => [AlertView])
  async alerts(
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
    @Arg('open', () => Boolean, { nullable: true }) open?: boolean,
  ): Promise<AlertView[]> {
    authorize(caller, 'alerts:read');
    return (
      await services.alerts.list(siteScope(caller, parseOptionalId(siteId, 'siteId')), open ?? null)
    ).map(toAlertView);
  }

  @Mutation(() => AlertView, { description: 'ADMIN or OPERATOR' })
  async acknowledgeAlert(
    @Arg('alertId', () => ID) alertId: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<AlertView> {
    authorize(caller, 'alerts:write');
    return toAlertView(await services.alerts.acknowledge(parseId(alertId, 'alertId'), actorName(caller)));
  }

  @Mutation(() => AlertView, { description: 'Kiosk or public page: raises ASSISTANCE_REQUESTED' })
  async requestAssistance(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { caller, services }: GqlContext,
    @Arg('payload', () => String, { nullable: true }) payload?: string,
    @Arg('compartmentLabel', () => String, { nullable: true }) compartmentLabel?: string,
  ): Promise<AlertView> {
    const site = parseId(siteId, 'siteId');
    if (caller.kind === 'anonymous') await services.infra.limits.consumePublic(caller.ip);
    else if (caller.kind !== 'user') authorize(caller, 'depositor:act', site);
    const alert = await services.alerts.requestAssistance({
      siteId: site,
      payload: payload ?? null,
      compartmentLabel: compartmentLabel ?? null,
      reason,
    });
    return toAlertView(alert);
  }

  @FieldResolver(() => SiteView)
  async site(@Root() a: AlertView, @Ctx() { loaders }: GqlContext): Promise<SiteView> {
    return toSiteView((await loaders.site.load(a.siteId))!);
  }

  @FieldResolver(() => CompartmentView, { nullable: true })
  async compartment(@Root() a: AlertView, @Ctx() { loaders }: GqlContext): Promise<CompartmentView | null> {
    const c = a.compartmentId ? await loaders.compartment.load(a.compartmentId) : null;
    return c ? toCompartmentView(c) : null;
  }

  @FieldResolver(() => SessionView, { nullable: true })
  async session(@Root() a: AlertView, @Ctx() { caller, services }: GqlContext): Promise<SessionView | null> {
    if (!a.sessionId || !can(caller, 'sessions:read', a.siteId)) return null;
    return services.sessions.get(a.sessionId);
  }

  @Subscription(() => AlertView, {
    subscribe: ({ args, context }) => {
      const ctx = context as GqlContext;
      authorize(ctx.caller, 'alerts:read');
      return subscribeSiteTopic(
        ctx,
        'ALERT_RAISED',
        (args as { siteId?: string | null }).siteId ?? null,
        'events:subscribe',
      );
    },
  })
  alertRaised(
    @Root() a: AlertView,
    @Arg('siteId', () => ID, { nullable: true }) _siteId?: string,
  ): AlertView {
    return a;
  }
}
