import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { actorName } from '../../auth/caller.js';
import { authorize } from '../../auth/authorize.js';
import { parseId } from '../../shared/ids.js';
import { CompartmentSize } from '../../entities/compartment.enums.js';
import { ScanResult } from '../../modules/sessions/session.types.js';

@Resolver()
export class SizeChangeResolver {
  @Mutation(() => ScanResult, {
    description:
      'Kiosk: the bag does not fit. A deposit not yet stored moves to a larger size (only the price difference is due); answered as a scan of its code would be.',
  })
  async changeDepositSize(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('payload', () => String) payload: string,
    @Arg('size', () => CompartmentSize) size: CompartmentSize,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<ScanResult> {
    const site = parseId(siteId, 'siteId');
    authorize(caller, 'depositor:act', site);
    const device = caller.kind === 'kiosk' ? [`kiosk:${caller.kioskId}`] : [];
    return services.sizeChanges.change({
      siteId: site,
      payload,
      size,
      actor: actorName(caller),
      limitKeys: [...device, `ip:${caller.ip}`],
    });
  }
}
