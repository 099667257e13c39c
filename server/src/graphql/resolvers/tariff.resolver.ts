import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { TariffView, toTariffView } from '../../modules/tariffs/tariff.types.js';
import { CompartmentSize } from '../../entities/compartment.enums.js';
import { authorize } from '../../auth/authorize.js';
import { parseId } from '../../shared/ids.js';

@Resolver(() => TariffView)
export class TariffResolver {
  @Mutation(() => TariffView, { description: 'ADMIN' })
  async setTariff(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('size', () => CompartmentSize) size: CompartmentSize,
    @Arg('price', () => Int) price: number,
    @Arg('currency', () => String) currency: string,
    @Arg('includedMinutes', () => Int) includedMinutes: number,
    @Arg('overduePerHour', () => Int) overduePerHour: number,
    @Arg('graceMinutes', () => Int) graceMinutes: number,
    @Arg('securityAlertAfterMinutes', () => Int) securityAlertAfterMinutes: number,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<TariffView> {
    authorize(caller, 'setup:write');
    const tariff = await services.tariffs.set({
      siteId: parseId(siteId, 'siteId'),
      size,
      price,
      currency,
      includedMinutes,
      overduePerHour,
      graceMinutes,
      securityAlertAfterMinutes,
    });
    return toTariffView(tariff);
  }
}
