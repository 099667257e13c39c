import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { GqlContext } from '../context.js';
import {
  DoorEventConnection,
  DoorEventView,
  toDoorEventView,
} from '../../modules/door-events/door-event.types.js';
import { CompartmentView, toCompartmentView } from '../../modules/compartments/compartment.types.js';
import { SessionView } from '../../modules/sessions/session.types.js';
import { DoorState } from '../../entities/compartment.enums.js';
import { DateTime } from '../../shared/common.types.js';
import { authorize, can } from '../../auth/authorize.js';
import { siteScope } from '../../auth/visibility.js';
import { parseOptionalId } from '../../shared/ids.js';
import { encodeCursor } from '../../shared/pagination.js';
import { doorEventStream } from './door-event.stream.js';
import { notFound } from '../../errors/domain-error.js';
import { ControllerLinkInput } from '../../modules/gateway-commands/controller-links.js';

@InputType('DoorReport')
export class DoorReportInput {
  @Field(() => ID) compartmentId!: string;
  @Field(() => DoorState) state!: DoorState;
  @Field(() => DateTime) at!: Date;
}

@Resolver(() => DoorEventView)
export class DoorEventResolver {
  @Query(() => DoorEventConnection)
  async doorEvents(
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<DoorEventConnection> {
    authorize(caller, 'sessions:read');
    const page = await services.doorEvents.page(
      siteScope(caller, parseOptionalId(siteId, 'siteId')),
      first ?? null,
      after ?? null,
    );
    return {
      nodes: page.nodes.map((e) => toDoorEventView(e)),
      pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
    };
  }

  @Mutation(() => Boolean, {
    description:
      "Gateway token: door sensor changes, batched, timestamped at the source, in reading order; with its controllers' links (presence) as of after them",
  })
  async reportDoorStates(
    @Arg('reports', () => [DoorReportInput]) reports: DoorReportInput[],
    @Ctx() { caller, services }: GqlContext,
    @Arg('controllers', () => [ControllerLinkInput], { nullable: true })
    controllers?: ControllerLinkInput[] | null,
  ): Promise<boolean> {
    authorize(caller, 'gateway:act');
    if (caller.kind !== 'gateway') return false;
    await services.doorReports.report(caller.gatewayId, caller.siteId, reports, controllers ?? []);
    return true;
  }

  @FieldResolver(() => CompartmentView)
  compartment(
    @Root() e: DoorEventView,
    @Ctx() { loaders }: GqlContext,
  ): CompartmentView | Promise<CompartmentView> {
    // A live event carries its compartment: answered from it, without a read per event per caller
    if (e.compartment) return e.compartment;
    return loaders.compartment.load(e.compartmentId).then((c) => {
      if (!c) throw notFound('Compartment');
      return toCompartmentView(c);
    });
  }

  @FieldResolver(() => SessionView, { nullable: true })
  async session(
    @Root() e: DoorEventView,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<SessionView | null> {
    if (!e.sessionId || !can(caller, 'sessions:read', e.siteId)) return null;
    return services.sessions.get(e.sessionId);
  }

  @FieldResolver(() => String, { nullable: true })
  actor(@Root() e: DoorEventView, @Ctx() { caller }: GqlContext): string | null {
    return caller.kind === 'user' ? e.actor : null;
  }

  @Subscription(() => DoorEventView, {
    name: 'doorEvents',
    subscribe: ({ args, context }) => {
      const a = args as { siteId?: string | null; since?: string | null };
      return doorEventStream(context as GqlContext, a.siteId ?? null, a.since ?? null);
    },
  })
  doorEventStream(
    @Root() e: DoorEventView,
    @Arg('siteId', () => ID, { nullable: true }) _siteId?: string,
    @Arg('since', () => String, {
      nullable: true,
      description: 'The `cursor` of the last event received: every later one is sent first, then live ones',
    })
    _since?: string,
  ): DoorEventView {
    return e;
  }

  @FieldResolver(() => String, {
    description: 'Position in the event log: `since` of a resubscription, `after` of a page',
  })
  cursor(@Root() e: DoorEventView): string {
    return encodeCursor([e.seq]);
  }
}
