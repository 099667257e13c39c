/** The site path's calls to the server, over the gateway's token and server list. */
import { postGraphQL } from '../link/graphql-http.js';
import type { ServerEndpoints } from '../link/server-endpoints.js';
import type { CommandResult } from '../link/api.types.js';
import type { ReplicaSnapshot } from './site-replica.js';
import { REPLAY_OFFLINE_EVENTS_MUTATION, SITE_REPLICA_QUERY } from './site-operations.js';

/** An event as replayed to the server. */
export interface ReplayEvent {
  kind: 'RETRIEVAL' | 'DEPOSIT';
  id: string;
  seq: number;
  sessionId: string;
  compartmentId: string;
  verifier: string;
  /** A deposit only: the hash of the code the site issued. */
  codeHash: string | null;
  language: string | null;
  occurredAt: string;
  pulseResult: CommandResult;
  doorOpenedAt: string | null;
  doorClosedAt: string | null;
}

/** What the server made of a replayed event. */
export interface ReplayResult {
  id: string;
  outcome: 'APPLIED' | 'APPLIED_WITH_CONFLICT' | 'NOT_OPENED';
  conflict: string | null;
}

/** What the site path needs from the server. */
export interface SiteApi {
  fetchReplica(): Promise<ReplicaSnapshot>;
  /** `waiting`: events still in the journal, these included (operators see the count drain). */
  replay(events: ReplayEvent[], waiting?: number): Promise<ReplayResult[]>;
}

/** SiteApi over the server's GraphQL API. */
export class GraphQLSiteApi implements SiteApi {
  constructor(
    private readonly endpoints: string | ServerEndpoints,
    private readonly token: string,
  ) {}

  async fetchReplica(): Promise<ReplicaSnapshot> {
    const { siteReplica } = await postGraphQL<{ siteReplica: ReplicaSnapshot }>(
      this.endpoints,
      this.token,
      SITE_REPLICA_QUERY,
    );
    return siteReplica;
  }

  async replay(events: ReplayEvent[], waiting?: number): Promise<ReplayResult[]> {
    const { replayOfflineEvents } = await postGraphQL<{ replayOfflineEvents: ReplayResult[] }>(
      this.endpoints,
      this.token,
      REPLAY_OFFLINE_EVENTS_MUTATION,
      { events, waiting: waiting ?? null },
    );
    return replayOfflineEvents;
  }
}
