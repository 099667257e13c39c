import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Role } from './roles.js';

@Entity({ tableName: 'app_user' })
export class UserEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string' }) email!: string;
  /** argon2id hash; never leaves this entity. */
  @Property({ type: 'text', lazy: true }) passwordHash!: string;
  @Property({ type: 'string' }) role!: Role;
  /** Shown to other staff; optional. */
  @Property({ type: 'string', nullable: true }) name: string | null = null;
  /** Signed into every token; bumped to make all tokens issued before stop working at once. */
  @Property({ type: 'integer' }) tokenVersion = 0;
  /** The sites this person may see and act on; null: all sites (always so for an ADMIN). */
  @Property({ type: 'string[]', columnType: 'text[]', nullable: true }) siteIds: string[] | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
  /** Deactivated: no sign-in, and tokens already issued stop working. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) disabledAt: Date | null = null;
}
