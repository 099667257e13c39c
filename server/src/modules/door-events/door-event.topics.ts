import type { DoorEventView } from './door-event.types.js';

// Declares the topic on the event bus; see `TopicRegistry` for why it lives here.
declare module '../../events/event-bus.js' {
  interface TopicRegistry {
    DOOR_EVENT: [siteId: string, payload: DoorEventView];
  }
}
