import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A one-time code sent to a depositor's contact; hashed, short-lived, few attempts. */
@Entity({ tableName: 'recovery_code' })
export class RecoveryCodeEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) siteId!: string;
  /** Normalised contact ("email:a@b.c" or "phone:+4930..."). */
  @Property({ type: 'string' }) contactKey!: string;
  @Property({ type: 'string' }) codeHash!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) expiresAt!: Date;
  @Property({ type: 'integer' }) attempts = 0;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) usedAt: Date | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
}
