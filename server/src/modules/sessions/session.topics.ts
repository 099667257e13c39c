import type { SessionView } from './session.types.js';

// Declares the topic on the event bus; see `TopicRegistry` for why it lives here.
declare module '../../events/event-bus.js' {
  interface TopicRegistry {
    SESSION_UPDATED: [sessionId: string, payload: SessionView];
    /** Internal key for a site's gateway: one of the site's sessions changed (its replica follows). */
    SITE_SESSIONS_CHANGED: [siteId: string, payload: { sessionId: string }];
  }
}
