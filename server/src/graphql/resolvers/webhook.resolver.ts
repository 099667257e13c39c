import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { authorize } from '../../auth/authorize.js';
import { actorName } from '../../auth/caller.js';
import { parseId } from '../../shared/ids.js';
import { WebhookEvent } from '../../modules/webhooks/webhook-events.js';
import {
  CreatedWebhookEndpoint,
  WebhookDeliveryView,
  WebhookEndpointView,
} from '../../modules/webhooks/webhook.types.js';

@Resolver()
export class WebhookResolver {
  @Mutation(() => CreatedWebhookEndpoint, { description: 'ADMIN; the signing secret is shown once' })
  async createWebhookEndpoint(
    @Arg('url', () => String) url: string,
    @Arg('events', () => [WebhookEvent]) events: string[],
    @Ctx() { caller, services }: GqlContext,
    @Arg('description', () => String, { nullable: true }) description?: string,
  ): Promise<CreatedWebhookEndpoint> {
    authorize(caller, 'integrations:write');
    return services.webhooks.create(url, events, description ?? null, actorName(caller));
  }

  @Query(() => [WebhookEndpointView], { description: 'ADMIN' })
  async webhookEndpoints(@Ctx() { caller, services }: GqlContext): Promise<WebhookEndpointView[]> {
    authorize(caller, 'integrations:write');
    return services.webhooks.list();
  }

  @Mutation(() => Boolean, { description: 'ADMIN; pending deliveries to it are dropped' })
  async deleteWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, services }: GqlContext,
  ): Promise<boolean> {
    authorize(caller, 'integrations:write');
    return services.webhooks.delete(parseId(id, 'id'));
  }

  @Query(() => [WebhookDeliveryView], { description: 'ADMIN; newest first, each with every attempt' })
  async webhookDeliveries(
    @Arg('endpointId', () => ID) endpointId: string,
    @Ctx() { caller, services }: GqlContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ): Promise<WebhookDeliveryView[]> {
    authorize(caller, 'integrations:write');
    return services.webhooks.deliveries(parseId(endpointId, 'endpointId'), first);
  }
}
