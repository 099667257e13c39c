import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/common.types.js';
import type { ApiKeyEntity } from '../../entities/api-key.entity.js';

@ObjectType('ApiKeyCredentials')
export class ApiKeyCredentials {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) scopes!: string[];
  @Field(() => [ID], {
    nullable: true,
    description: 'The sites the key may read and act on; null: all sites',
  })
  siteIds!: string[] | null;
  @Field(() => String, { description: 'Shown once' }) secret!: string;
}

@ObjectType('ApiKey')
export class ApiKeyView {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) scopes!: string[];
  @Field(() => [ID], {
    nullable: true,
    description: 'The sites the key may read and act on; null: all sites',
  })
  siteIds!: string[] | null;
  @Field(() => DateTime) createdAt!: Date;
  @Field(() => DateTime, { nullable: true }) revokedAt!: Date | null;
}

export const toApiKeyView = (k: ApiKeyEntity): ApiKeyView => ({
  id: k.id,
  name: k.name,
  scopes: k.scopes,
  siteIds: k.siteIds,
  createdAt: k.createdAt,
  revokedAt: k.revokedAt,
});
