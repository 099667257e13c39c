import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'locker_bank' })
export class LockerBankEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) siteId!: string;
  /** The gateway that drives this bank's relay boards; commands for its compartments go there. */
  @Property({ type: 'uuid', nullable: true }) gatewayId: string | null = null;
  @Property({ type: 'string' }) label!: string;
  @Property({ type: 'string' }) modbusEndpoint!: string;
  /** How its relay boards are driven (BoardProfileData); null: the generic coil board. */
  @Property({ type: 'json', nullable: true }) boardProfile: unknown = null;
  /** The size guide: inside dimensions per size in cm (SizeDimensionsData), `{}` until an admin sets them. */
  @Property({ type: 'json' }) sizeDimensions: unknown = {};
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
  /** Retired: kept for history, never offered to travellers nor allocated. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) retiredAt: Date | null = null;
}
