import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../shared/common.types.js';
import { WebhookEvent, eventToEnum } from './webhook-events.js';
import type { WebhookDeliveryEntity, WebhookEndpointEntity } from '../../entities/webhook.entity.js';

export const WebhookDeliveryStatus = {
  PENDING: 'PENDING',
  DELIVERED: 'DELIVERED',
  FAILED: 'FAILED',
} as const;
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

@ObjectType('WebhookEndpoint')
export class WebhookEndpointView {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [WebhookEvent]) events!: string[];
  @Field(() => DateTime) createdAt!: Date;
}

@ObjectType('CreatedWebhookEndpoint')
export class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpointView) endpoint!: WebhookEndpointView;
  @Field(() => String, { description: 'The signing secret; shown once, never again' }) secret!: string;
}

@ObjectType('WebhookAttempt')
export class WebhookAttemptView {
  @Field(() => DateTime) at!: Date;
  @Field(() => Int, {
    nullable: true,
    description: "The receiver's HTTP status; null when it could not be reached",
  })
  statusCode!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Int) durationMs!: number;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryView {
  @Field(() => ID) id!: string;
  @Field(() => ID) endpointId!: string;
  @Field(() => ID, { description: 'The same for every endpoint that got this event' }) eventId!: string;
  @Field(() => WebhookEvent) event!: string;
  @Field(() => WebhookDeliveryStatus) status!: keyof typeof WebhookDeliveryStatus;
  @Field(() => String, { description: 'The exact JSON body sent (and signed)' }) body!: string;
  @Field(() => DateTime) createdAt!: Date;
  @Field(() => DateTime, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => [WebhookAttemptView]) attempts!: WebhookAttemptView[];
}

export const toEndpointView = (e: WebhookEndpointEntity): WebhookEndpointView => ({
  id: e.id,
  url: e.url,
  description: e.description,
  events: e.events.map(eventToEnum),
  createdAt: e.createdAt,
});

export const toDeliveryView = (
  d: WebhookDeliveryEntity,
  attempts: WebhookAttemptView[],
): WebhookDeliveryView => ({
  id: d.id,
  endpointId: d.endpointId,
  eventId: d.eventId,
  event: eventToEnum(d.event),
  status: d.status,
  body: d.body,
  createdAt: d.createdAt,
  deliveredAt: d.deliveredAt,
  attempts,
});
