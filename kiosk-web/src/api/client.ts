import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { RetryLink } from '@apollo/client/link/retry';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { Observable } from 'rxjs';
import { setOnline } from './connection';

/** Where the API lives: same origin (the server serves the app, the dev server proxies). */
function endpoints(): { http: string; ws: string } {
  const { protocol, host } = window.location;
  return { http: '/graphql', ws: `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql` };
}

function isSubscription(op: ApolloLink.Operation): boolean {
  const def = getMainDefinition(op.query);
  return def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.SUBSCRIPTION;
}

function isMutation(op: ApolloLink.Operation): boolean {
  const def = getMainDefinition(op.query);
  return def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.MUTATION;
}

/** Tracks reachability from every HTTP round trip, for the "no connection" banner. */
const reachability = new ApolloLink(
  (operation, forward) =>
    new Observable((observer) => {
      const sub = forward(operation).subscribe({
        next: (value) => {
          setOnline(true);
          observer.next(value);
        },
        error: (err: unknown) => {
          if (err instanceof TypeError) setOnline(false);
          observer.error(err);
        },
        complete: () => observer.complete(),
      });
      return () => sub.unsubscribe();
    }),
);

/**
 * The Apollo client for one credential (kiosk device token, or none on the phone page).
 * `persistentSocket: false` connects the WebSocket only while a subscription runs.
 * Queries are retried through network drops; mutations are never retried automatically, so a
 * payment or a code issue cannot happen twice: the screen offers "try again" instead.
 */
export function createApolloClient(token: string | null, { persistentSocket = true } = {}): ApolloClient {
  const { http, ws } = endpoints();
  const authorization = token ? `Bearer ${token}` : undefined;
  let wasConnected = false;
  const wsClient = createClient({
    url: ws,
    connectionParams: authorization ? { authorization } : {},
    // The kiosk keeps one socket for the app's life: events arrive at once, and a drop shows as a
    // closed socket (pings find a dead link even when no event is due). The phone page, which
    // only polls, opens it only if something subscribes.
    lazy: !persistentSocket,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    on: {
      connected: () => {
        setOnline(true);
        // Events sent while we were away are lost: read the current state again.
        // (`client` is assigned below, before the socket can connect.)
        if (wasConnected) void client.refetchQueries({ include: 'active' });
        wasConnected = true;
      },
      closed: (event) => {
        // 1000 is a deliberate close (page leaving); anything else means the link is down.
        if ((event as CloseEvent | undefined)?.code !== 1000) setOnline(false);
      },
    },
  });
  const retry = new RetryLink({
    delay: { initial: 500, max: 5000, jitter: true },
    attempts: { max: 8, retryIf: (error, op) => !isMutation(op) && error instanceof TypeError },
  });
  const httpLink = ApolloLink.from([
    reachability,
    retry,
    new HttpLink({
      uri: http,
      // The version lets operators see on the board which kiosk runs which app.
      headers: { ...(authorization ? { authorization } : {}), 'x-client-version': __KIOSK_VERSION__ },
    }),
  ]);
  const client = new ApolloClient({
    link: ApolloLink.split(isSubscription, new GraphQLWsLink(wsClient), httpLink),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return client;
}
