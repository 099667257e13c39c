// One Apollo client per signed-in token: queries and mutations over HTTP, subscriptions
// over graphql-ws with the same bearer token in connectionParams.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import { Kind, OperationTypeNode } from 'graphql';
import { ConnectionStore } from './connection-state';
import { retryLink } from './retry';

/** The Apollo client plus what the shell needs to show and close the live link. */
export interface ApiSession {
  apollo: ApolloClient;
  connection: ConnectionStore;
  /** Ends the wait between reconnect tries and tries at once. */
  retryNow: () => void;
  dispose: () => void;
}

// A silent drop (a half-open socket) is found within KEEP_ALIVE_MS + PING_TIMEOUT_MS; one the
// browser notices (the `offline` event) at once.
const KEEP_ALIVE_MS = 4_000;
const PING_TIMEOUT_MS = 3_000;

function graphqlUrls(): { http: string; ws: string } {
  const http = new URL('/graphql', window.location.origin).toString();
  return { http, ws: http.replace(/^http/, 'ws') };
}

// graphql-ws close codes for a refused connection_init (bad or expired token): retrying
// cannot help, the person must sign in again.
const AUTH_CLOSE_CODES = new Set([4401, 4403]);

function isAuthClose(e: unknown): boolean {
  return (
    typeof e === 'object' && e !== null && 'code' in e && AUTH_CLOSE_CODES.has((e as { code: number }).code)
  );
}

/**
 * Builds the client for `token` (or an anonymous one, used only to log in).
 * `onUnauthenticated` runs when the server no longer accepts the token.
 */
export function createApiSession(
  token: string | null,
  onUnauthenticated: () => void = () => undefined,
): ApiSession {
  const urls = graphqlUrls();
  const connection = new ConnectionStore();
  const authorization = token ? `Bearer ${token}` : undefined;

  let pingTimer: ReturnType<typeof setTimeout> | undefined;
  // Resolves the current back-off wait early (Retry now, or the network coming back).
  let wake: (() => void) | null = null;
  const ws: Client = createClient({
    url: urls.ws,
    // Signed in: keep the socket open on every page, so the badge tells the truth and
    // subscriptions start at once. Anonymous (login page): connect only if ever needed.
    lazy: !token,
    connectionParams: () => (authorization ? { authorization } : {}),
    // Keep retrying for as long as the tab is open: a dashboard must come back by itself.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (e) => !isAuthClose(e),
    retryWait: (retries) =>
      new Promise<void>((resolve) => {
        const ms = Math.min(500 * 2 ** retries, 5_000);
        const done = () => {
          clearTimeout(timer);
          wake = null;
          resolve();
        };
        const timer = setTimeout(done, ms);
        wake = done;
        connection.waiting(retries + 1, ms);
      }),
    // A dropped network often leaves a half-open socket: ping, and close when no pong comes.
    keepAlive: KEEP_ALIVE_MS,
    on: {
      connecting: () => connection.connecting(),
      connected: () => connection.connected(),
      closed: (e) => {
        const auth = isAuthClose(e);
        connection.closed(!auth);
        if (auth && token) onUnauthenticated();
      },
      ping: (received) => {
        if (received) return;
        pingTimer = setTimeout(() => {
          // terminate() closes as retryable: graphql-ws reconnects and resubscribes.
          ws.terminate();
        }, PING_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pingTimer);
      },
    },
  });

  const http = new HttpLink({
    uri: urls.http,
    headers: authorization ? { authorization } : {},
  });

  const expired = new ErrorLink(({ error }) => {
    if (
      token &&
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
    ) {
      onUnauthenticated();
    }
  });

  const link = ApolloLink.split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.SUBSCRIPTION;
    },
    new GraphQLWsLink(ws),
    ApolloLink.from([expired, retryLink(), http]),
  );

  const apollo = new ApolloClient({ link, cache: new InMemoryCache() });

  const retryNow = () => {
    if (wake) wake();
    // terminate() closes as retryable: graphql-ws reconnects and resubscribes.
    else if (connection.getSnapshot().status !== 'connected') ws.terminate();
  };
  // The browser knows before any ping does: say so at once, and try again when it is back.
  const offline = () => {
    if (!token) return;
    ws.terminate();
    connection.closed(true);
  };
  const online = () => token && retryNow();
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);

  return {
    apollo,
    connection,
    retryNow,
    dispose: () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      clearTimeout(pingTimer);
      void ws.dispose();
      apollo.stop();
    },
  };
}
