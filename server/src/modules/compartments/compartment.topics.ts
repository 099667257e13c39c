import type { CompartmentView } from './compartment.types.js';

// Declares the topic on the event bus; see `TopicRegistry` for why it lives here.
declare module '../../events/event-bus.js' {
  interface TopicRegistry {
    COMPARTMENT_UPDATED: [siteId: string, payload: CompartmentView];
  }
}
