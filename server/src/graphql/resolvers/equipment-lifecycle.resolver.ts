import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { GqlContext } from '../../graphql/context.js';
import {
  CompartmentView,
  LockerBankView,
  toBankView,
  toCompartmentView,
} from '../../modules/compartments/compartment.types.js';
import { CompartmentSize } from '../../entities/compartment.enums.js';
import { SiteView, toSiteView } from '../../modules/sites/site.types.js';
import { TariffView, toTariffView } from '../../modules/tariffs/tariff.types.js';
import { authorize } from '../../auth/authorize.js';
import { actorName, auditActor } from '../../auth/caller.js';
import { parseId } from '../../shared/ids.js';

/** ADMIN: corrections and retirement of sites, banks, compartments and tariffs. */
@Resolver()
export class EquipmentLifecycleResolver {
  @Mutation(() => LockerBankView, { description: 'ADMIN' })
  async updateLockerBank(
    @Arg('bankId', () => ID) bankId: string,
    @Ctx() { caller, services }: GqlContext,
    @Arg('label', () => String, { nullable: true }) label?: string,
    @Arg('modbusEndpoint', () => String, { nullable: true }) modbusEndpoint?: string,
  ): Promise<LockerBankView> {
    authorize(caller, 'setup:write');
    const bank = await services.equipmentEdits.updateBank(
      parseId(bankId, 'bankId'),
      { label, modbusEndpoint },
      auditActor(caller),
    );
    return toBankView(bank);
  }

  @Mutation(() => CompartmentView, { description: 'ADMIN; the size of one holding a session cannot change' })
  async updateCompartment(
    @Arg('compartmentId', () => ID) compartmentId: string,
    @Ctx() { caller, services }: GqlContext,
    @Arg('label', () => String, { nullable: true }) label?: string,
    @Arg('size', () => CompartmentSize, { nullable: true }) size?: CompartmentSize,
    @Arg('unitId', () => Int, { nullable: true }) unitId?: number,
    @Arg('coil', () => Int, { nullable: true }) coil?: number,
    @Arg('doorInput', () => Int, { nullable: true }) doorInput?: number,
  ): Promise<CompartmentView> {
    authorize(caller, 'setup:write');
    const c = await services.equipmentEdits.updateCompartment(
      parseId(compartmentId, 'compartmentId'),
      { label, size, unitId, coil, doorInput },
      auditActor(caller),
    );
    return toCompartmentView(c);
  }

  @Mutation(() => SiteView, {
    description: 'ADMIN: the site, its banks and compartments retired; CONFLICT while any holds a session',
  })
  async retireSite(
    @Arg('siteId', () => ID) siteId: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<SiteView> {
    authorize(caller, 'setup:write');
    return toSiteView(
      await services.retirement.retireSite(parseId(siteId, 'siteId'), actorName(caller), auditActor(caller)),
    );
  }

  @Mutation(() => LockerBankView, {
    description: 'ADMIN: the bank and its compartments retired; CONFLICT while any holds a session',
  })
  async retireLockerBank(
    @Arg('bankId', () => ID) bankId: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<LockerBankView> {
    authorize(caller, 'setup:write');
    return toBankView(
      await services.retirement.retireBank(parseId(bankId, 'bankId'), actorName(caller), auditActor(caller)),
    );
  }

  @Mutation(() => CompartmentView, {
    description: 'ADMIN: never allocated again; CONFLICT while it holds a session',
  })
  async retireCompartment(
    @Arg('compartmentId', () => ID) compartmentId: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<CompartmentView> {
    authorize(caller, 'setup:write');
    const c = await services.retirement.retireCompartment(
      parseId(compartmentId, 'compartmentId'),
      actorName(caller),
      auditActor(caller),
    );
    return toCompartmentView(c);
  }

  @Mutation(() => TariffView, {
    description: 'ADMIN: the size is no longer offered; setTariff offers it again',
  })
  async retireTariff(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('size', () => CompartmentSize) size: CompartmentSize,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<TariffView> {
    authorize(caller, 'setup:write');
    return toTariffView(
      await services.retirement.retireTariff(parseId(siteId, 'siteId'), size, auditActor(caller)),
    );
  }
}
