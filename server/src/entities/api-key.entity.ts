import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'api_key' })
export class ApiKeyEntity {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string' }) name!: string;
  @Property({ type: 'string[]', columnType: 'text[]' }) scopes!: string[];
  @Property({ type: 'string', lazy: true }) secretHash!: string;
  /** The sites this key may read; null: all sites. */
  @Property({ type: 'string[]', columnType: 'text[]', nullable: true }) siteIds: string[] | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) revokedAt: Date | null = null;
}
