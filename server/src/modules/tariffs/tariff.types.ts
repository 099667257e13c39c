import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CompartmentSize } from '../../entities/compartment.enums.js';
import { DateTime, Money, money } from '../../shared/common.types.js';
import type { TariffEntity } from '../../entities/tariff.entity.js';

// simpleResolvers: plain properties need no type-graphql wrapper (no middlewares are used)
@ObjectType('Tariff', { simpleResolvers: true })
export class TariffView {
  @Field(() => ID) id!: string;
  @Field(() => CompartmentSize) size!: CompartmentSize;
  @Field(() => Money) price!: Money;
  @Field(() => Int) includedMinutes!: number;
  @Field(() => Money) overduePerHour!: Money;
  @Field(() => Int) graceMinutes!: number;
  @Field(() => Int) securityAlertAfterMinutes!: number;
  @Field(() => DateTime, { nullable: true, description: 'Retired: the size is not offered' })
  retiredAt!: Date | null;
}

export const toTariffView = (
  t: Omit<TariffEntity, 'retiredAt'> & { retiredAt?: Date | null },
): TariffView => ({
  id: t.id,
  size: t.size,
  price: money(t.price, t.currency),
  includedMinutes: t.includedMinutes,
  overduePerHour: money(t.overduePerHour, t.currency),
  graceMinutes: t.graceMinutes,
  securityAlertAfterMinutes: t.securityAlertAfterMinutes,
  retiredAt: t.retiredAt ?? null,
});
