import type { AlertView } from './alert.types.js';

// Declares the topic on the event bus; see `TopicRegistry` for why it lives here.
declare module '../../events/event-bus.js' {
  interface TopicRegistry {
    ALERT_RAISED: [siteId: string, payload: AlertView];
  }
}
