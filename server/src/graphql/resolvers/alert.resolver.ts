import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GqlContext } from '../context.js';
import {
  AlertAssigneeView,
  AlertHistoryView,
  AlertStatus,
  AlertView,
  toAlertHistoryView,
  toAlertView,
} from '../../modules/alerts/alert.types.js';
import { notFound } from '../../errors/domain-error.js';
import { SiteView, toSiteView } from '../../modules/sites/site.types.js';
import { CompartmentView, toCompartmentView } from '../../modules/compartments/compartment.types.js';
import { SessionView } from '../../modules/sessions/session.types.js';
import { authorize, authorizeOn, can, outsideSites } from '../../auth/authorize.js';
import { auditActor } from '../../auth/caller.js';
import { siteScope } from '../../auth/visibility.js';
import { parseId, parseOptionalId } from '../../shared/ids.js';
import { subscribeSiteTopic } from '../subscriptions.js';

/** The site of an alert staff act on; null when there is none (the service says NOT_FOUND). */
async function siteOfAlert(services: GqlContext['services'], alertId: string): Promise<string | null> {
  return (await services.alerts.get(parseId(alertId, 'alertId')))?.siteId ?? null;
}

@Resolver(() => AlertView)
export class AlertResolver {
  @Query(() => [AlertView])
  async alerts(
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
    @Arg('open', () => Boolean, { nullable: true }) open?: boolean,
    @Arg('status', () => AlertStatus, { nullable: true }) status?: AlertStatus,
  ): Promise<AlertView[]> {
    authorize(caller, 'alerts:read');
    return (
      await services.alerts.list(
        siteScope(caller, parseOptionalId(siteId, 'siteId')),
        open ?? null,
        status ?? null,
      )
    ).map(toAlertView);
  }

  @Query(() => AlertView, { description: 'One alert with its history' })
  async alert(
    @Arg('alertId', () => ID) alertId: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<AlertView> {
    authorize(caller, 'alerts:read');
    const alert = await services.alerts.get(parseId(alertId, 'alertId'));
    if (!alert || !can(caller, 'alerts:read', alert.siteId)) throw notFound('Alert');
    return toAlertView(alert);
  }

  @Query(() => [AlertAssigneeView], { description: 'ADMIN or OPERATOR: whom an alert may be given to' })
  async alertAssignees(
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
  ): Promise<AlertAssigneeView[]> {
    const site = parseOptionalId(siteId, 'siteId');
    authorize(caller, 'alerts:write', site);
    return services.alerts.assignees(site);
  }

  @Mutation(() => AlertView, { description: 'ADMIN or OPERATOR: a note on an alert not yet resolved' })
  async addAlertNote(
    @Arg('alertId', () => ID) alertId: string,
    @Arg('note', () => String) note: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<AlertView> {
    await authorizeOn(caller, 'alerts:write', () => siteOfAlert(services, alertId));
    return toAlertView(await services.alerts.addNote(parseId(alertId, 'alertId'), note, auditActor(caller)));
  }

  @Mutation(() => AlertView, {
    description: 'ADMIN or OPERATOR: gives an alert to an active admin or operator; userId null: to nobody',
  })
  async assignAlert(
    @Arg('alertId', () => ID) alertId: string,
    @Ctx() { caller, services }: GqlContext,
    @Arg('userId', () => ID, { nullable: true }) userId?: string,
  ): Promise<AlertView> {
    await authorizeOn(caller, 'alerts:write', () => siteOfAlert(services, alertId));
    return toAlertView(
      await services.alerts.assign(
        parseId(alertId, 'alertId'),
        parseOptionalId(userId, 'userId'),
        auditActor(caller),
      ),
    );
  }

  @Mutation(() => AlertView, {
    description: 'ADMIN or OPERATOR: resolves an alert (acknowledging it too), with an optional note',
  })
  async resolveAlert(
    @Arg('alertId', () => ID) alertId: string,
    @Ctx() { caller, services }: GqlContext,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ): Promise<AlertView> {
    await authorizeOn(caller, 'alerts:write', () => siteOfAlert(services, alertId));
    return toAlertView(
      await services.alerts.resolve(parseId(alertId, 'alertId'), note ?? null, auditActor(caller)),
    );
  }

  @Mutation(() => AlertView, { description: 'ADMIN or OPERATOR' })
  async acknowledgeAlert(
    @Arg('alertId', () => ID) alertId: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<AlertView> {
    await authorizeOn(caller, 'alerts:write', () => siteOfAlert(services, alertId));
    return toAlertView(await services.alerts.acknowledge(parseId(alertId, 'alertId'), auditActor(caller)));
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
    else if (!can(caller, 'alerts:read', site)) throw outsideSites(caller);
    const alert = await services.alerts.requestAssistance({
      siteId: site,
      payload: payload ?? null,
      compartmentLabel: compartmentLabel ?? null,
      reason,
    });
    return toAlertView(alert);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The assignee by name and e-mail' })
  async assigneeName(@Root() a: AlertView, @Ctx() { loaders, services }: GqlContext): Promise<string | null> {
    if (!a.assigneeId) return null;
    const names = loaders.by<string | null>('alertAssigneeName', null, (ids) =>
      services.alerts.assigneeNames(ids),
    );
    return names.load(a.assigneeId);
  }

  @FieldResolver(() => [AlertHistoryView], {
    description: 'Raised, then each change staff made, oldest first',
  })
  async history(@Root() a: AlertView, @Ctx() { services }: GqlContext): Promise<AlertHistoryView[]> {
    const alert = await services.alerts.get(a.id);
    return alert ? (await services.alerts.history(alert)).map(toAlertHistoryView) : [];
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
