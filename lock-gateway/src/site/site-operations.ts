/** The site path's GraphQL operations (validated against the server's schema by a test). */

export const SITE_REPLICA_QUERY = /* GraphQL */ `
  query SiteReplica {
    siteReplica {
      siteId
      asOf
      sessions {
        sessionId
        compartmentId
        compartmentLabel
        verifier
        amountDue
        paidUntil
      }
      freeCompartments {
        compartmentId
        compartmentLabel
        size
      }
      freeSizes {
        size
        includedMinutes
        graceMinutes
      }
      depositsAfterSeconds
    }
  }
`;

export const SITE_SESSION_CHANGED_SUBSCRIPTION = /* GraphQL */ `
  subscription SiteSessionChanged {
    siteSessionChanged
  }
`;

export const REPLAY_OFFLINE_EVENTS_MUTATION = /* GraphQL */ `
  mutation ReplayOfflineEvents($events: [OfflineRetrievalInput!]!, $waiting: Int) {
    replayOfflineEvents(events: $events, waiting: $waiting) {
      id
      outcome
      conflict
    }
  }
`;

/** Every site operation, by name. */
export const SITE_OPERATIONS = {
  SiteReplica: SITE_REPLICA_QUERY,
  SiteSessionChanged: SITE_SESSION_CHANGED_SUBSCRIPTION,
  ReplayOfflineEvents: REPLAY_OFFLINE_EVENTS_MUTATION,
} as const;
