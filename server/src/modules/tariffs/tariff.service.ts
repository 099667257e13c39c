import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../events/event-bus.js';
import { transact } from '../../db/transaction.js';
import { TariffEntity } from '../../entities/tariff.entity.js';
import { SiteEntity } from '../../entities/site.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import type { CompartmentSize } from '../../entities/compartment.enums.js';

export interface TariffInput {
  siteId: string;
  size: CompartmentSize;
  price: number;
  currency: string;
  includedMinutes: number;
  overduePerHour: number;
  graceMinutes: number;
  securityAlertAfterMinutes: number;
}

const MAX_MINUTES = 60 * 24 * 366;
const MAX_AMOUNT = 100_000_000;

/** What a site charges per size; one tariff per size, replaced by `setTariff`. */
export class TariffService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
  ) {}

  async set(input: TariffInput): Promise<TariffEntity> {
    validate(input);
    return transact(this.em, this.bus, async (tx, fx) => {
      if (!(await tx.findOne(SiteEntity, input.siteId))) throw notFound('Site');
      // the public read path caches a site's tariffs with its availability
      fx.publish('SITE_CHANGED', input.siteId, () => ({ siteId: input.siteId }));
      const existing = await tx.findOne(TariffEntity, { siteId: input.siteId, size: input.size });
      const tariff =
        existing ??
        tx.create(TariffEntity, { id: newId(), siteId: input.siteId, size: input.size } as TariffEntity);
      Object.assign(tariff, { ...input, currency: input.currency.toUpperCase(), retiredAt: null });
      return tariff;
    });
  }

  forSite(siteId: string): Promise<TariffEntity[]> {
    return this.em.fork().find(TariffEntity, { siteId }, { orderBy: { size: 'asc' } });
  }
}

function validate(t: TariffInput): void {
  const amount = (field: string, v: number) => {
    if (!Number.isInteger(v) || v < 0 || v > MAX_AMOUNT)
      throw badInput(field, `${field} must be a whole amount in minor units, 0 or more`);
  };
  const minutes = (field: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min || v > MAX_MINUTES)
      throw badInput(field, `${field} must be between ${min} and ${MAX_MINUTES} minutes`);
  };
  amount('price', t.price);
  amount('overduePerHour', t.overduePerHour);
  if (!/^[A-Za-z]{3}$/.test(t.currency))
    throw badInput('currency', 'currency must be an ISO-4217 code such as EUR');
  minutes('includedMinutes', t.includedMinutes, 1);
  minutes('graceMinutes', t.graceMinutes, 0);
  minutes('securityAlertAfterMinutes', t.securityAlertAfterMinutes, 0);
}
