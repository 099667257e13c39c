import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { GqlContext } from '../context.js';
import {
  AbandonmentView,
  IssuedAccessCode,
  ScanIntent,
  ScanResult,
  SessionConnection,
  SessionTransitionView,
  SessionView,
  chargeInputOf,
} from '../../modules/sessions/session.types.js';
import { SessionStatus } from '../../entities/session.state.js';
import { CompartmentSize } from '../../entities/compartment.enums.js';
import { ContactInput } from '../../modules/sessions/contact.types.js';
import { SiteView, toSiteView } from '../../modules/sites/site.types.js';
import { CompartmentView, toCompartmentView } from '../../modules/compartments/compartment.types.js';
import { DoorEventView, toDoorEventView } from '../../modules/door-events/door-event.types.js';
import { PaymentView, toPaymentView } from '../../modules/payments/payment.types.js';
import { DateTime, Money, money } from '../../shared/common.types.js';
import { authorize, authorizeOn } from '../../auth/authorize.js';
import { actorName, auditActor, type Caller } from '../../auth/caller.js';
import { CodeChannel, SentAccessCode } from '../../modules/sessions/code-sending.js';
import { siteScope } from '../../auth/visibility.js';
import { parseId, parseOptionalId } from '../../shared/ids.js';
import { amountDue, isOverdue } from '../../modules/sessions/charges.js';
import { subscribeTopic } from '../subscriptions.js';
import { forbidden, notFound } from '../../errors/domain-error.js';
import type { Services } from '../../container/services.js';

/** Depositor actions come from the site's kiosk, or (rate limited) from the public phone page. */
async function authorizeDepositor(caller: Caller, services: Services, siteId: string): Promise<void> {
  if (caller.kind === 'anonymous') return services.infra.limits.consumePublic(caller.ip);
  if (caller.kind === 'user') return authorize(caller, 'sessions:write', siteId);
  authorize(caller, 'depositor:act', siteId);
}

/** Staff with sessions:read, or the kiosk of the session's site. */
function authorizeSessionRead(caller: Caller, siteId: string): void {
  if (caller.kind === 'kiosk') return authorize(caller, 'depositor:act', siteId);
  authorize(caller, 'sessions:read', siteId);
}

/** The site of a session staff act on; null when there is none (the service says NOT_FOUND). */
async function siteOfSession(services: Services, sessionId: string): Promise<string | null> {
  return (await services.sessions.get(parseId(sessionId, 'sessionId')))?.siteId ?? null;
}

@Resolver(() => SessionView)
export class SessionResolver {
  @Query(() => SessionView, { nullable: true })
  async session(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<SessionView | null> {
    if (caller.kind === 'anonymous') authorize(caller, 'sessions:read');
    const s = await services.sessions.get(parseId(id, 'id'));
    if (!s) return null;
    authorizeSessionRead(caller, s.siteId);
    return s;
  }

  @Query(() => SessionConnection)
  async sessions(
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
    @Arg('status', () => SessionStatus, { nullable: true }) status?: SessionStatus,
    @Arg('overdue', () => Boolean, { nullable: true }) overdue?: boolean,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('compartmentLabel', () => String, { nullable: true, description: 'Exact label, e.g. "A07"' })
    compartmentLabel?: string,
    @Arg('contact', () => String, {
      nullable: true,
      description: 'Part of the e-mail, or phone digits (staff only)',
    })
    contact?: string,
    @Arg('createdFrom', () => DateTime, { nullable: true }) createdFrom?: Date,
    @Arg('createdTo', () => DateTime, { nullable: true }) createdTo?: Date,
  ): Promise<SessionConnection> {
    authorize(caller, 'sessions:read');
    if (contact && caller.kind !== 'user') throw forbidden('Searching by contact is for staff');
    const page = await services.sessionSearch.list({
      siteIds: siteScope(caller, parseOptionalId(siteId, 'siteId')),
      status: status ?? null,
      overdue: overdue ?? null,
      compartmentLabel: compartmentLabel ?? null,
      contact: contact ?? null,
      createdFrom: createdFrom ?? null,
      createdTo: createdTo ?? null,
      first: first ?? null,
      after: after ?? null,
    });
    return {
      nodes: page.nodes,
      totalCount: page.totalCount,
      pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
    };
  }

  @Query(() => SessionView, {
    nullable: true,
    description: 'Public: the code is the proof; null when unknown',
  })
  async sessionByAccessCode(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('payload', () => String) payload: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<SessionView | null> {
    const site = parseId(siteId, 'siteId');
    const s = await services.sessions.byCode(site, payload, caller.kind !== 'anonymous');
    if (!s) await services.infra.limits.countFailedScan([`ip:${caller.ip}`]);
    return s;
  }

  @Mutation(() => IssuedAccessCode)
  async issueAccessCode(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('size', () => CompartmentSize) size: CompartmentSize,
    @Ctx() { caller, services }: GqlContext,
    @Arg('contact', () => ContactInput, { nullable: true }) contact?: ContactInput,
    @Arg('requestId', () => String, {
      nullable: true,
      description:
        'Name the request: a retry after a lost answer returns the same session (with a fresh code)',
    })
    requestId?: string,
  ): Promise<IssuedAccessCode> {
    const site = parseId(siteId, 'siteId');
    await authorizeDepositor(caller, services, site);
    return services.sessions.issue(site, size, contact ?? null, actorName(caller), requestId ?? null);
  }

  @Mutation(() => ScanResult)
  async scanAccessCode(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('payload', () => String) payload: string,
    @Ctx() { caller, services }: GqlContext,
    @Arg('intent', () => ScanIntent, { nullable: true, defaultValue: 'RETRIEVE' }) intent?: ScanIntent | null,
  ): Promise<ScanResult> {
    const site = parseId(siteId, 'siteId');
    authorize(caller, 'depositor:act', site);
    const device = caller.kind === 'kiosk' ? [`kiosk:${caller.kioskId}`] : [];
    return services.scans.scan({
      siteId: site,
      payload,
      intent: intent ?? 'RETRIEVE',
      actor: actorName(caller),
      limitKeys: [...device, `ip:${caller.ip}`],
    });
  }

  @Mutation(() => IssuedAccessCode, { description: 'ADMIN or OPERATOR: revokes the old code' })
  async regenerateAccessCode(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<IssuedAccessCode> {
    await authorizeOn(caller, 'sessions:code', () => siteOfSession(services, sessionId));
    return services.sessions.regenerate(parseId(sessionId, 'sessionId'), reason, actorName(caller));
  }

  @Mutation(() => SentAccessCode, {
    description:
      'ADMIN or OPERATOR: a new code to the e-mail or phone on file (the old one revoked); 3 per session per hour',
  })
  async sendNewAccessCode(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('channel', () => CodeChannel) channel: CodeChannel,
    @Arg('reason', () => String) reason: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<SentAccessCode> {
    await authorizeOn(caller, 'sessions:code', () => siteOfSession(services, sessionId));
    return services.codeSending.send(
      parseId(sessionId, 'sessionId'),
      channel,
      reason,
      auditActor(caller),
      actorName(caller),
    );
  }

  @Mutation(() => SessionView, { description: 'ADMIN or OPERATOR: ends a session and frees its compartment' })
  async endSession(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<SessionView> {
    await authorizeOn(caller, 'sessions:write', () => siteOfSession(services, sessionId));
    return services.sessions.end(parseId(sessionId, 'sessionId'), reason, actorName(caller));
  }

  @Mutation(() => SessionView, {
    description:
      'ADMIN or OPERATOR: an abandoned bag was taken out of its compartment (where to, lost-property reference); the compartment needs an inspection',
  })
  async recordBagRemoval(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('removedTo', () => String) removedTo: string,
    @Arg('lostPropertyRef', () => String) lostPropertyRef: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<SessionView> {
    await authorizeOn(caller, 'sessions:write', () => siteOfSession(services, sessionId));
    return services.abandonment.recordRemoval(
      parseId(sessionId, 'sessionId'),
      removedTo,
      lostPropertyRef,
      actorName(caller),
    );
  }

  @Mutation(() => SessionView, {
    description:
      'ADMIN or OPERATOR: a removed bag handed back, with its code or through support (reason: how the depositor was identified); nothing due may remain',
  })
  async recordBagClaim(
    @Arg('sessionId', () => ID) sessionId: string,
    @Ctx() { caller, services }: GqlContext,
    @Arg('payload', () => String, { nullable: true }) payload?: string | null,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ): Promise<SessionView> {
    await authorizeOn(caller, 'sessions:write', () => siteOfSession(services, sessionId));
    return services.abandonment.recordClaim(
      parseId(sessionId, 'sessionId'),
      payload ?? null,
      reason ?? null,
      actorName(caller),
    );
  }

  @Mutation(() => SessionView, {
    description: 'ADMIN or OPERATOR: a removed bag was disposed of (how); the session ends',
  })
  async recordBagDisposal(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('method', () => String) method: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<SessionView> {
    await authorizeOn(caller, 'sessions:write', () => siteOfSession(services, sessionId));
    return services.abandonment.recordDisposal(parseId(sessionId, 'sessionId'), method, actorName(caller));
  }

  @FieldResolver(() => AbandonmentView, {
    nullable: true,
    description:
      'Set once the session was marked abandoned: each recorded step of its bag (who did it: staff only)',
  })
  abandonment(@Root() s: SessionView, @Ctx() { caller }: GqlContext): AbandonmentView | null {
    if (!s.abandonment || caller.kind === 'user') return s.abandonment;
    return { ...s.abandonment, removedBy: null, claimedBy: null, disposedBy: null };
  }

  @FieldResolver(() => SiteView)
  async site(@Root() s: SessionView, @Ctx() { loaders }: GqlContext): Promise<SiteView> {
    return toSiteView((await loaders.site.load(s.siteId))!);
  }

  @FieldResolver(() => CompartmentView, { nullable: true })
  async compartment(@Root() s: SessionView, @Ctx() { loaders }: GqlContext): Promise<CompartmentView | null> {
    if (!s.compartmentId) return null;
    const c = await loaders.compartment.load(s.compartmentId);
    return c ? toCompartmentView(c) : null;
  }

  @FieldResolver(() => Boolean)
  overdue(@Root() s: SessionView, @Ctx() { services }: GqlContext): boolean {
    return isOverdue(chargeInputOf(s), services.infra.clock.now());
  }

  @FieldResolver(() => Money, { description: 'What must be paid before the next unlock' })
  amountDue(@Root() s: SessionView, @Ctx() { services }: GqlContext): Money {
    return money(amountDue(chargeInputOf(s), services.infra.clock.now()), s.pricing.currency);
  }

  @FieldResolver(() => [DoorEventView])
  async events(@Root() s: SessionView, @Ctx() { caller, services }: GqlContext): Promise<DoorEventView[]> {
    authorizeSessionRead(caller, s.siteId);
    return (await services.doorEvents.forSession(s.id)).map((e) => toDoorEventView(e));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Staff only' })
  contactEmail(@Root() s: SessionView, @Ctx() { caller }: GqlContext): string | null {
    return caller.kind === 'user' ? s.contact.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Staff only' })
  contactPhone(@Root() s: SessionView, @Ctx() { caller }: GqlContext): string | null {
    return caller.kind === 'user' ? s.contact.phone : null;
  }

  @FieldResolver(() => [SessionTransitionView], { description: 'Staff only' })
  async history(
    @Root() s: SessionView,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<SessionTransitionView[]> {
    if (caller.kind !== 'user') throw forbidden('Staff only');
    return (await services.sessions.history(s.id)).map((t) => ({
      at: t.at,
      from: t.fromStatus,
      to: t.toStatus,
      actor: t.actor,
      reason: t.reason,
    }));
  }

  @FieldResolver(() => [PaymentView])
  async payments(@Root() s: SessionView, @Ctx() { services }: GqlContext): Promise<PaymentView[]> {
    return (await services.payments.forSession(s.id)).map(toPaymentView);
  }

  @FieldResolver(() => Int, { nullable: true })
  async feedbackRating(@Root() s: SessionView, @Ctx() { services }: GqlContext): Promise<number | null> {
    return (await services.feedback.forSession(s.id))?.rating ?? null;
  }

  @Subscription(() => SessionView, {
    subscribe: async ({ args, context }) => {
      const ctx = context as GqlContext;
      const id = parseId((args as { sessionId: string }).sessionId, 'sessionId');
      const s = await ctx.services.sessions.get(id);
      if (!s) throw notFound('Session');
      if (ctx.caller.kind === 'kiosk') authorize(ctx.caller, 'depositor:act', s.siteId);
      else {
        authorize(ctx.caller, 'events:subscribe', s.siteId);
        authorize(ctx.caller, 'sessions:read', s.siteId);
      }
      return subscribeTopic(ctx, 'SESSION_UPDATED', id, 'sessionUpdated');
    },
  })
  sessionUpdated(@Root() s: SessionView, @Arg('sessionId', () => ID) _sessionId: string): SessionView {
    return s;
  }
}
