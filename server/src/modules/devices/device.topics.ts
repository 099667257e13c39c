import type { GatewayView } from './device.types.js';

// Declares the topic on the event bus; see `TopicRegistry` for why it lives here.
declare module '../../events/event-bus.js' {
  interface TopicRegistry {
    GATEWAY_UPDATED: [siteId: string, payload: GatewayView];
  }
}
