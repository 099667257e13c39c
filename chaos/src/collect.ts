/**
 * The final picture, read once the run has settled: the server's sessions, compartments,
 * door events and alerts (as an ADMIN, over GraphQL), and the simulator's door and pulse logs.
 */
import type { DoorRecord } from '../../lock-gateway/src/simulator/door-log.ts';
import type { PulseRecord } from '../../lock-gateway/src/simulator/sim-unit.ts';
import type { Gql } from './lib/gql.ts';

export interface ServerSession {
  id: string;
  status: string;
  size: string;
  compartment: { id: string } | null;
  payments: Array<{ id: string; status: string; amount: { amount: number } }>;
}

export interface ServerCompartment {
  id: string;
  label: string;
  status: string;
  doorState: string;
  currentSession: { id: string; status: string } | null;
}

export interface ServerDoorEvent {
  id: string;
  at: string;
  type: string;
  detail: string | null;
  compartment: { id: string };
  session: { id: string } | null;
}

export interface ServerAlert {
  id: string;
  type: string;
  createdAt: string;
  message: string;
  compartment: { id: string } | null;
  session: { id: string } | null;
}

export interface SiteSettings {
  leftOpenSeconds: number;
  unlockAckTimeoutSeconds: number;
  depositWindowSeconds: number;
  gatewayHeartbeatSeconds: number;
  pulseMs: number;
}

/** Everything the checker compares. */
export interface Picture {
  sessions: Map<string, ServerSession>;
  compartments: ServerCompartment[];
  doorEvents: ServerDoorEvent[];
  alerts: ServerAlert[];
  settings: SiteSettings;
  doorLog: DoorRecord[];
  pulses: PulseRecord[];
}

/** Reads the server's state of `sessionIds` and the site, and the simulator's logs. */
export async function collect(
  admin: Gql,
  siteId: string,
  sessionIds: Iterable<string>,
  simControlUrl: string,
): Promise<Picture> {
  const sessions = new Map<string, ServerSession>();
  for (const id of sessionIds) {
    const r = await admin.must<{ session: ServerSession | null }>(
      'query($id: ID!) { session(id: $id) { id status size compartment { id } payments { id status amount { amount } } } }',
      { id },
    );
    if (r.session) sessions.set(id, r.session);
  }
  const site = await admin.must<{ site: SiteSettings & { compartments: ServerCompartment[] } }>(
    `query($id: ID!) { site(id: $id) { leftOpenSeconds unlockAckTimeoutSeconds depositWindowSeconds gatewayHeartbeatSeconds pulseMs
      compartments { id label status doorState currentSession { id status } } } }`,
    { id: siteId },
  );
  const doorEvents: ServerDoorEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const page: {
      doorEvents: { nodes: ServerDoorEvent[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
    } = await admin.must(
      `query($id: ID!, $after: String) { doorEvents(siteId: $id, first: 100, after: $after) {
        nodes { id at type detail compartment { id } session { id } } pageInfo { endCursor hasNextPage } } }`,
      { id: siteId, after },
    );
    doorEvents.push(...page.doorEvents.nodes);
    if (!page.doorEvents.pageInfo.hasNextPage || !page.doorEvents.pageInfo.endCursor) break;
    after = page.doorEvents.pageInfo.endCursor;
  }
  const { alerts } = await admin.must<{ alerts: ServerAlert[] }>(
    'query($id: ID!) { alerts(siteId: $id) { id type createdAt message compartment { id } session { id } } }',
    { id: siteId },
  );
  const get = async <T>(route: string): Promise<T> =>
    (await (await fetch(new URL(route, simControlUrl))).json()) as T;
  const { compartments, ...settings } = site.site;
  return {
    sessions,
    compartments,
    doorEvents,
    alerts,
    settings,
    doorLog: await get<DoorRecord[]>('/door-log?after=0'),
    pulses: await get<PulseRecord[]>('/pulses?since=0'),
  };
}
