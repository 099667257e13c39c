import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { BoardProfileInput, BoardProfileView } from '../../modules/compartments/board-profile.types.js';
import { BOARD_PRESETS } from '../../modules/compartments/board-profile.js';
import { checkDimensions } from '../../modules/compartments/size-dimensions.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { GqlContext } from '../context.js';
import { selectsField } from '../selection.js';
import {
  CompartmentView,
  LockerBankView,
  CompartmentInput,
  ModbusAddressView,
  toCompartmentView,
  toBankView,
  CompartmentInspectionView,
  toInspectionView,
} from '../../modules/compartments/compartment.types.js';
import { CompartmentSize, InspectionOutcome } from '../../entities/compartment.enums.js';
import {
  ControllerLinkView,
  controllerKey,
  controllerLinksOf,
} from '../../modules/gateway-commands/controller-links.js';
import { SiteView, toSiteView } from '../../modules/sites/site.types.js';
import { GatewayView, toGatewayView } from '../../modules/devices/device.types.js';
import { SessionView } from '../../modules/sessions/session.types.js';
import { DoorEventView, toDoorEventView } from '../../modules/door-events/door-event.types.js';
import { authorize, authorizeOn, can } from '../../auth/authorize.js';
import { parseId, parseOptionalId } from '../../shared/ids.js';
import { notFound } from '../../errors/domain-error.js';
import { subscribeSiteTopic } from '../subscriptions.js';
import { actorName, auditActor } from '../../auth/caller.js';

/** A compartment read with its bank: the bank, and its open session when asked for, come with it. */
type CompartmentUnderBank = CompartmentView & {
  parentBank?: LockerBankView;
  openSession?: SessionView | null;
};

/** The open session on each compartment, batched across every compartment of one operation. */
const openSessionLoader = ({ loaders, services }: GqlContext) =>
  loaders.by<SessionView | null>('openSessionOnCompartment', null, (ids) =>
    services.sessions.openOnCompartments(ids),
  );

/** The site of a compartment an operator acts on; null when there is none (the service says NOT_FOUND). */
async function siteOfCompartment(
  services: GqlContext['services'],
  compartmentId: string,
): Promise<string | null> {
  return (await services.compartments.get(parseId(compartmentId, 'compartmentId')))?.siteId ?? null;
}

@Resolver(() => LockerBankView)
export class LockerBankResolver {
  @Mutation(() => LockerBankView, { description: 'ADMIN' })
  async createLockerBank(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('label', () => String) label: string,
    @Arg('modbusEndpoint', () => String) modbusEndpoint: string,
    @Arg('compartments', () => [CompartmentInput]) compartments: CompartmentInput[],
    @Ctx() { caller, services }: GqlContext,
    @Arg('gatewayId', () => ID, { nullable: true, description: "Defaults to the site's gateway" })
    gatewayId?: string,
    @Arg('board', () => BoardProfileInput, {
      nullable: true,
      description: 'Defaults to the generic coil board',
    })
    board?: BoardProfileInput,
  ): Promise<LockerBankView> {
    authorize(caller, 'setup:write');
    const bank = await services.banks.create({
      siteId: parseId(siteId, 'siteId'),
      label,
      modbusEndpoint,
      gatewayId: parseOptionalId(gatewayId, 'gatewayId'),
      compartments,
      board: board ?? null,
    });
    return toBankView(bank);
  }

  @Mutation(() => LockerBankView, {
    description:
      'ADMIN: the inside dimensions of one size in this bank (the size guide); all three omitted clears them',
  })
  async setBankSizeDimensions(
    @Arg('bankId', () => ID) bankId: string,
    @Arg('size', () => CompartmentSize) size: CompartmentSize,
    @Ctx() { caller, services }: GqlContext,
    @Arg('widthCm', () => Int, { nullable: true }) widthCm?: number,
    @Arg('heightCm', () => Int, { nullable: true }) heightCm?: number,
    @Arg('depthCm', () => Int, { nullable: true }) depthCm?: number,
  ): Promise<LockerBankView> {
    authorize(caller, 'setup:write');
    const dimensions = checkDimensions({ widthCm, heightCm, depthCm });
    return toBankView(await services.banks.setSizeDimensions(parseId(bankId, 'bankId'), size, dimensions));
  }

  @Mutation(() => LockerBankView, {
    description: "ADMIN: the bank's board profile (gateways pick it up at their next config fetch)",
  })
  async setLockerBankBoard(
    @Arg('bankId', () => ID) bankId: string,
    @Arg('board', () => BoardProfileInput) board: BoardProfileInput,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<LockerBankView> {
    authorize(caller, 'setup:write');
    return toBankView(await services.banks.setBoard(parseId(bankId, 'bankId'), board));
  }

  @Query(() => [BoardProfileView], { description: 'ADMIN: the board profiles an installer picks from' })
  boardProfiles(@Ctx() { caller }: GqlContext): BoardProfileView[] {
    authorize(caller, 'setup:write');
    return BOARD_PRESETS.map((p) => ({ ...p, invertedInputs: [...p.invertedInputs] }));
  }

  @FieldResolver(() => SiteView)
  async site(@Root() bank: LockerBankView, @Ctx() { loaders }: GqlContext): Promise<SiteView> {
    return toSiteView((await loaders.site.load(bank.siteId))!);
  }

  @FieldResolver(() => GatewayView, { nullable: true })
  async gateway(
    @Root() bank: LockerBankView,
    @Ctx() { caller, loaders, services }: GqlContext,
  ): Promise<GatewayView | null> {
    authorize(caller, 'sites:read', bank.siteId);
    if (!bank.gatewayId) return null;
    const gateway = await loaders.gateway.load(bank.gatewayId);
    return gateway ? toGatewayView(gateway, services.infra.clock.now()) : null;
  }

  @FieldResolver(() => ControllerLinkView, {
    description: "Its controller's link, as the gateway reports it (staff only; null for others)",
    nullable: true,
  })
  async controller(
    @Root() bank: LockerBankView,
    @Ctx() { caller, loaders, services }: GqlContext,
  ): Promise<ControllerLinkView | null> {
    if (caller.kind !== 'user' && caller.kind !== 'apiKey') return null;
    if (!can(caller, 'sites:read', bank.siteId)) return null;
    const links = loaders.by<ControllerLinkView | null>('controllerLink', null, (keys) =>
      controllerLinksOf(services.infra.em.fork(), keys, services.infra.clock.now()),
    );
    return links.load(controllerKey(bank));
  }

  @FieldResolver(() => [CompartmentView])
  async compartments(
    @Root() bank: LockerBankView,
    @Ctx() context: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CompartmentUnderBank[]> {
    const { caller, loaders, services } = context;
    authorize(caller, 'sites:read', bank.siteId);
    const views = await loaders
      .by<CompartmentView[]>('compartmentsOfBank', [], (ids) => services.compartments.viewsOfBanks(ids))
      .load(bank.id);
    // A board asks every compartment for its bank and its session: both answered from here,
    // one read per bank (batched across banks), not a promise per compartment.
    const sessions =
      selectsField(info, 'currentSession') && can(caller, 'sessions:read', bank.siteId)
        ? await openSessionLoader(context).loadMany(views.map((c) => c.id))
        : null;
    return views.map((c, i) => {
      const session = sessions?.[i];
      return {
        ...c,
        parentBank: bank,
        ...(session === undefined || session instanceof Error ? {} : { openSession: session }),
      };
    });
  }
}

@Resolver(() => CompartmentView)
export class CompartmentResolver {
  @Mutation(() => DoorEventView, { description: 'ADMIN or OPERATOR: remote open, recorded with who and why' })
  async operatorOpenCompartment(
    @Arg('compartmentId', () => ID) compartmentId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<DoorEventView> {
    await authorizeOn(caller, 'compartments:operate', () => siteOfCompartment(services, compartmentId));
    const event = await services.compartments.operatorOpen(
      parseId(compartmentId, 'compartmentId'),
      reason,
      actorName(caller),
      auditActor(caller),
    );
    return toDoorEventView(event);
  }

  @Mutation(() => CompartmentView, { description: 'ADMIN or OPERATOR' })
  async setCompartmentOutOfService(
    @Arg('compartmentId', () => ID) compartmentId: string,
    @Arg('outOfService', () => Boolean) outOfService: boolean,
    @Ctx() { caller, services }: GqlContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
  ): Promise<CompartmentView> {
    await authorizeOn(caller, 'compartments:operate', () => siteOfCompartment(services, compartmentId));
    return toCompartmentView(
      await services.compartments.setOutOfService(
        parseId(compartmentId, 'compartmentId'),
        outOfService,
        reason ?? null,
        actorName(caller),
      ),
    );
  }

  @Mutation(() => CompartmentView, {
    description:
      'ADMIN or OPERATOR: what was found in a compartment that needed inspection; EMPTY or ITEM_FOUND put it back in service',
  })
  async recordCompartmentInspection(
    @Arg('compartmentId', () => ID) compartmentId: string,
    @Arg('outcome', () => InspectionOutcome) outcome: InspectionOutcome,
    @Ctx() { caller, services }: GqlContext,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ): Promise<CompartmentView> {
    await authorizeOn(caller, 'compartments:operate', () => siteOfCompartment(services, compartmentId));
    return toCompartmentView(
      await services.compartments.recordInspection(
        parseId(compartmentId, 'compartmentId'),
        outcome,
        note ?? null,
        actorName(caller),
      ),
    );
  }

  @FieldResolver(() => [CompartmentInspectionView], {
    description: 'Recorded inspections, newest first (staff only; empty for others)',
  })
  async inspections(
    @Root() c: CompartmentView,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<CompartmentInspectionView[]> {
    if (!can(caller, 'sessions:read', c.siteId)) return [];
    return (await services.compartments.inspections(c.id)).map(toInspectionView);
  }

  @FieldResolver(() => String, { nullable: true })
  inspectionReason(@Root() c: CompartmentView, @Ctx() { caller }: GqlContext): string | null {
    return caller.kind === 'user' ? c.inspectionReason : null;
  }

  @FieldResolver(() => LockerBankView)
  bank(
    @Root() c: CompartmentUnderBank,
    @Ctx() { caller, loaders }: GqlContext,
  ): LockerBankView | Promise<LockerBankView> {
    authorize(caller, 'sites:read', c.siteId); // infrastructure (endpoint, gateway, the bank's other doors): not for a code holder
    if (c.parentBank) return c.parentBank;
    return loaders.bank.load(c.bankId).then((bank) => {
      if (!bank) throw notFound('Bank');
      return toBankView(bank);
    });
  }

  @FieldResolver(() => SessionView, {
    nullable: true,
    description: 'null for callers without the right to see sessions',
  })
  currentSession(
    @Root() c: CompartmentUnderBank,
    @Ctx() context: GqlContext,
  ): SessionView | null | Promise<SessionView | null> {
    if (!can(context.caller, 'sessions:read', c.siteId)) return null;
    if (c.openSession !== undefined) return c.openSession;
    return openSessionLoader(context).load(c.id);
  }

  @FieldResolver(() => ModbusAddressView, {
    nullable: true,
    description: 'Relay addressing (ADMIN only; null for others)',
  })
  async modbus(
    @Root() c: CompartmentView,
    @Ctx() { caller, loaders }: GqlContext,
  ): Promise<ModbusAddressView | null> {
    if (caller.kind !== 'user' || !can(caller, 'setup:write')) return null;
    const bank = await loaders.bank.load(c.bankId);
    return bank ? { endpoint: bank.modbusEndpoint, ...c.address } : null;
  }

  @FieldResolver(() => String, { nullable: true })
  outOfServiceReason(@Root() c: CompartmentView, @Ctx() { caller }: GqlContext): string | null {
    return caller.kind === 'user' ? c.outOfServiceReason : null;
  }

  @Subscription(() => CompartmentView, {
    subscribe: ({ args, context }) => {
      const ctx = context as GqlContext;
      // a kiosk follows its own site's availability; everyone else needs events:subscribe
      const permission = ctx.caller.kind === 'kiosk' ? 'sites:read' : 'events:subscribe';
      return subscribeSiteTopic(
        ctx,
        'COMPARTMENT_UPDATED',
        (args as { siteId?: string | null }).siteId ?? null,
        permission,
      );
    },
  })
  compartmentUpdated(
    @Root() c: CompartmentView,
    @Arg('siteId', () => ID, { nullable: true }) _siteId?: string,
  ): CompartmentView {
    return c;
  }
}
