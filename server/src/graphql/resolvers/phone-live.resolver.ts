import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { SiteView } from '../../modules/sites/site.types.js';
import { SessionView } from '../../modules/sessions/session.types.js';
import type { CompartmentView } from '../../modules/compartments/compartment.types.js';
import { parseId } from '../../shared/ids.js';
import { notFound } from '../../errors/domain-error.js';
import { subscribeTopic } from '../subscriptions.js';
import type { Caller } from '../../auth/caller.js';
import type { Services } from '../../container/services.js';

/** Opening a public subscription counts as a public call (per address), as the public mutations do. */
async function limitPublic(caller: Caller, services: Services): Promise<void> {
  if (caller.kind === 'anonymous') await services.infra.limits.consumePublic(caller.ip);
}

/**
 * Live updates for the depositor's phone page, which has no credential: a site's availability
 * (public anyway: sizes, free counts, prices) and the depositor's own session, keyed by the
 * access code itself, the one thing only the depositor has.
 */
@Resolver()
export class PhoneLiveResolver {
  @Subscription(() => SiteView, {
    description:
      'Public: the site again (select its availability) whenever one of its compartments changes; counted as a public call',
    subscribe: async ({ args, context }) => {
      const ctx = context as GqlContext;
      const siteId = parseId((args as { siteId: string }).siteId, 'siteId');
      await limitPublic(ctx.caller, ctx.services);
      if (!(await ctx.services.sites.snapshot(siteId))) throw notFound('Site');
      return subscribeTopic(ctx, 'COMPARTMENT_UPDATED', siteId, 'siteAvailabilityChanged');
    },
  })
  async siteAvailabilityChanged(
    @Root() _changed: CompartmentView,
    @Arg('siteId', () => ID) siteId: string,
    @Ctx() { services }: GqlContext,
  ): Promise<SiteView> {
    // the compartment itself is not shown: the cached snapshot says what a traveller may see
    const snapshot = await services.sites.snapshot(parseId(siteId, 'siteId'));
    if (!snapshot) throw notFound('Site');
    return snapshot.site;
  }

  @Subscription(() => SessionView, {
    description:
      'Public: the session of this access code (the QR payload) whenever it changes; ends when the code is revoked',
    subscribe: async ({ args, context }) => {
      const ctx = context as GqlContext;
      const a = args as { siteId: string; payload: string };
      const siteId = parseId(a.siteId, 'siteId');
      await limitPublic(ctx.caller, ctx.services);
      const session = await ctx.services.sessions.byCode(siteId, a.payload);
      if (!session) {
        // a guess costs what a failed scan costs
        await ctx.services.infra.limits.countFailedScan([`ip:${ctx.caller.ip}`]);
        throw notFound('Session');
      }
      const stream = subscribeTopic(ctx, 'SESSION_UPDATED', session.id, 'storageUpdated');
      return whileCodeHolds(stream, (s) =>
        ctx.services.sessions.byCode(siteId, a.payload).then((c) => (c?.id === s.id ? c : null)),
      );
    },
  })
  storageUpdated(
    @Root() s: SessionView,
    @Arg('siteId', () => ID) _siteId: string,
    @Arg('payload', () => String) _payload: string,
  ): SessionView {
    return s;
  }
}

/**
 * The session's updates, each read again through the code: what is sent is what the code opens
 * now, and the stream ends once the code no longer opens this session (regenerated, recovered).
 */
function whileCodeHolds(
  source: AsyncIterableIterator<SessionView>,
  current: (event: SessionView) => Promise<SessionView | null>,
): AsyncIterableIterator<SessionView> {
  return {
    async next() {
      const r = await source.next();
      if (r.done) return r;
      const now = await current(r.value);
      if (now) return { done: false, value: now };
      await source.return?.();
      return { done: true, value: undefined };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
