import { graphql } from '../../api/generated';

export const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      id
      url
      description
      events
      createdAt
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($endpointId: ID!, $first: Int) {
    webhookDeliveries(endpointId: $endpointId, first: $first) {
      id
      eventId
      event
      status
      body
      createdAt
      deliveredAt
      attempts {
        at
        statusCode
        error
        durationMs
      }
    }
  }
`);

export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($url: String!, $events: [WebhookEvent!]!, $description: String) {
    createWebhookEndpoint(url: $url, events: $events, description: $description) {
      endpoint {
        id
        url
        description
        events
        createdAt
      }
      secret
    }
  }
`);

export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);
