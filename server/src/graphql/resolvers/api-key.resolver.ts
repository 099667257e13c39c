import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { ApiKeyCredentials, ApiKeyView, toApiKeyView } from '../../modules/api-keys/api-key.types.js';
import { authorize } from '../../auth/authorize.js';
import { parseId } from '../../shared/ids.js';
import { auditActor } from '../../auth/caller.js';

@Resolver(() => ApiKeyView)
export class ApiKeyResolver {
  @Mutation(() => ApiKeyCredentials, { description: 'ADMIN; the secret is shown once' })
  async createApiKey(
    @Arg('name', () => String) name: string,
    @Arg('scopes', () => [String]) scopes: string[],
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteIds', () => [ID], {
      nullable: true,
      description: 'The sites the key may read and act on; omitted or null: all sites',
    })
    siteIds?: string[] | null,
  ): Promise<ApiKeyCredentials> {
    authorize(caller, 'keys:write');
    return services.apiKeys.create(name, scopes, siteIds ?? null, auditActor(caller));
  }

  @Query(() => [ApiKeyView], { description: 'ADMIN' })
  async apiKeys(@Ctx() { caller, services }: GqlContext): Promise<ApiKeyView[]> {
    authorize(caller, 'keys:write');
    return (await services.apiKeys.list()).map(toApiKeyView);
  }

  @Mutation(() => ApiKeyView, { description: 'ADMIN' })
  async revokeApiKey(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<ApiKeyView> {
    authorize(caller, 'keys:write');
    return toApiKeyView(await services.apiKeys.revoke(parseId(id, 'id'), auditActor(caller)));
  }
}
