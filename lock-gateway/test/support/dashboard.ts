/**
 * An admin dashboard following a site's door events over WebSocket, as the admin app does:
 * when its connection goes (its instance drained or died) it connects again and resubscribes
 * with `since`, the cursor of the last event it got, so the server replays what it missed.
 */
import { createClient, type Client } from 'graphql-ws';
import { postGraphQL } from '../../src/link/graphql-http.js';

const DOOR_EVENTS = `subscription($s: ID, $since: String) { doorEvents(siteId: $s, since: $since) { id cursor type } }`;
const PAGE = `query($s: ID, $after: String) { doorEvents(siteId: $s, first: 200, after: $after) { nodes { id cursor } pageInfo { endCursor hasNextPage } } }`;

export interface DoorEventSeen {
  id: string;
  cursor: string;
}

export async function adminToken(serverUrl: string, email: string, password: string): Promise<string> {
  const r = await postGraphQL<{ login: { token: string } }>(
    `${serverUrl}/graphql`,
    '',
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: email, p: password },
  );
  return r.login.token;
}

/** The site's door events newer than `after` (a cursor; null: all), oldest first, read from the log. */
export async function doorEventLog(
  serverUrl: string,
  token: string,
  siteId: string,
  after: string | null,
): Promise<DoorEventSeen[]> {
  const newestFirst: DoorEventSeen[] = [];
  let page: string | null = null;
  for (;;) {
    const r: {
      doorEvents: { nodes: DoorEventSeen[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
    } = await postGraphQL(`${serverUrl}/graphql`, token, PAGE, { s: siteId, after: page });
    for (const e of r.doorEvents.nodes) {
      if (e.cursor === after) return newestFirst.reverse();
      newestFirst.push(e);
    }
    if (!r.doorEvents.pageInfo.hasNextPage) return newestFirst.reverse();
    page = r.doorEvents.pageInfo.endCursor;
  }
}

/** Follows `siteId`'s door events from `since` until `stop()`; reconnects and resubscribes on its own. */
export function followDoorEvents(wsUrl: string, token: string, siteId: string, since: string | null) {
  const received: DoorEventSeen[] = [];
  let cursor = since;
  let stopped = false;
  let client: Client | null = null;
  let subscriptions = 0;
  const run = async () => {
    while (!stopped) {
      const c = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
      });
      client = c;
      subscriptions++;
      await new Promise<void>((resolve) => {
        c.subscribe<{ doorEvents: DoorEventSeen & { type: string } }>(
          { query: DOOR_EVENTS, variables: { s: siteId, since: cursor } },
          {
            next: (r) => {
              const e = r.data?.doorEvents;
              if (!e) return;
              received.push({ id: e.id, cursor: e.cursor });
              cursor = e.cursor;
            },
            error: () => resolve(),
            complete: () => resolve(),
          },
        );
      });
      await c.dispose();
      if (!stopped) await new Promise((r) => setTimeout(r, 100));
    }
  };
  const done = run();
  return {
    received,
    /** How many times it subscribed (1 + resubscriptions). */
    get subscriptions() {
      return subscriptions;
    },
    async stop() {
      stopped = true;
      await client?.dispose();
      await done;
    },
  };
}
