import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'kiosk' })
export class KioskEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) siteId!: string;
  @Property({ type: 'string' }) name!: string;
  @Property({ type: 'string', lazy: true }) tokenHash!: string;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) lastSeenAt: Date | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
}
