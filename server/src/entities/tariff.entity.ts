import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { CompartmentSize } from './compartment.enums.js';

@Entity({ tableName: 'tariff' })
export class TariffEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) siteId!: string;
  @Property({ type: 'string' }) size!: CompartmentSize;
  @Property({ type: 'integer' }) price!: number;
  @Property({ type: 'string' }) currency!: string;
  @Property({ type: 'integer' }) includedMinutes!: number;
  @Property({ type: 'integer' }) overduePerHour!: number;
  @Property({ type: 'integer' }) graceMinutes!: number;
  @Property({ type: 'integer' }) securityAlertAfterMinutes!: number;
  /** Retired: kept for history, its size is not offered to travellers until the tariff is set again. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) retiredAt: Date | null = null;
}
