import type { SessionView } from './session.types.js';

// Declares the topic on the event bus; see `TopicRegistry` for why it lives here.
declare module '../../events/event-bus.js' {
  interface TopicRegistry {
    SESSION_UPDATED: [sessionId: string, payload: SessionView];
  }
}
