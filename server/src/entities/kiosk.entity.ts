import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'kiosk' })
export class KioskEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) siteId!: string;
  @Property({ type: 'string' }) name!: string;
  /** null: revoked, no token works until a new one is issued. */
  @Property({ type: 'string', lazy: true, nullable: true }) tokenHash: string | null = null;
  /** The token before the last rotation, still accepted until `previousTokenUntil`. */
  @Property({ type: 'string', lazy: true, nullable: true }) previousTokenHash: string | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) previousTokenUntil: Date | null =
    null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) lastSeenAt: Date | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
  /** The kiosk app's version, as it last reported it (the x-client-version header). */
  @Property({ type: 'string', nullable: true }) appVersion: string | null = null;
  /** Its current quiet spell has raised KIOSK_QUIET; cleared when it is heard again. */
  @Property({ type: 'boolean' }) quietAlerted = false;
}
