import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { SiteReplicaView } from '../../modules/site-replica/site-replica.types.js';
import {
  OfflineReplayResultView,
  OfflineRetrievalInput,
  SiteOfflineEventView,
  toSiteOfflineEventView,
} from '../../modules/site-replica/offline-event.types.js';
import { authorize } from '../../auth/authorize.js';
import { siteScope } from '../../auth/visibility.js';
import { forbidden } from '../../errors/domain-error.js';
import type { Caller } from '../../auth/caller.js';
import { parseOptionalId } from '../../shared/ids.js';
import { withCleanup } from '../subscriptions.js';

function gatewayOf(caller: Caller): Extract<Caller, { kind: 'gateway' }> {
  authorize(caller, 'gateway:act');
  if (caller.kind !== 'gateway') throw forbidden('Gateway token only');
  return caller;
}

@Resolver()
export class SiteReplicaResolver {
  @Query(() => SiteReplicaView, {
    description: "Gateway token only: the stored bags of this gateway's compartments, with code verifiers",
  })
  async siteReplica(@Ctx() { caller, services }: GqlContext): Promise<SiteReplicaView> {
    return services.siteReplica.replica(gatewayOf(caller).gatewayId);
  }

  @Subscription(() => ID, {
    description:
      "Gateway token only: the id of a session of this gateway's site that changed; the gateway reads its replica again",
    subscribe: ({ context }) => {
      const ctx = context as GqlContext;
      const gateway = gatewayOf(ctx.caller);
      const changes = ctx.services.infra.bus.subscribe('SITE_SESSIONS_CHANGED', gateway.siteId);
      return withCleanup(changes[Symbol.asyncIterator](), () => undefined);
    },
  })
  siteSessionChanged(@Root() change: { sessionId: string }): string {
    return change.sessionId;
  }

  @Mutation(() => [OfflineReplayResultView], {
    description: 'Gateway token only: events taken while offline, in journal order; idempotent per event id',
  })
  async replayOfflineEvents(
    @Arg('events', () => [OfflineRetrievalInput]) events: OfflineRetrievalInput[],
    @Ctx() { caller, services }: GqlContext,
    @Arg('waiting', () => Int, {
      nullable: true,
      description: "Events still in the site's journal, these included (shown to operators as they drain)",
    })
    waiting?: number,
  ): Promise<OfflineReplayResultView[]> {
    return services.offlineReplay.replay(gatewayOf(caller).gatewayId, events, waiting ?? null);
  }

  @Query(() => [SiteOfflineEventView], {
    description: 'Events sites took while offline and what the server made of them, newest first',
  })
  async siteOfflineEvents(
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<SiteOfflineEventView[]> {
    authorize(caller, 'sessions:read');
    const scope = siteScope(caller, parseOptionalId(siteId, 'siteId'));
    return (await services.siteReplica.offlineEvents(scope, first ?? 100)).map(toSiteOfflineEventView);
  }
}
