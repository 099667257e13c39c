import type { GatewayCommandView } from './gateway-command.types.js';

// Declares the topic on the event bus; see `TopicRegistry` for why it lives here.
declare module '../../events/event-bus.js' {
  interface TopicRegistry {
    GATEWAY_COMMAND: [gatewayId: string, payload: GatewayCommandView];
  }
}
