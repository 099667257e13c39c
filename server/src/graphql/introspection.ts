import { GraphQLError, Kind, OperationTypeNode, type DocumentNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Config } from '../config/config.js';
import type { Caller } from '../auth/caller.js';
import type { GqlContext } from './context.js';

/**
 * Schema introspection (`__schema`, `__type`) for anonymous callers only when
 * GRAPHQL_INTROSPECTION=everyone (the default outside production). `__typename` stays open:
 * clients need it. The same check for HTTP (the plugin) and WebSocket (`ws-server.ts`).
 * The plugin also sends subscriptions sent over HTTP to the WebSocket.
 */
export function introspectionRefusal(
  document: DocumentNode,
  caller: Caller,
  setting: Config['introspection'],
): GraphQLError | null {
  if (setting === 'everyone' || caller.kind !== 'anonymous') return null;
  return hasIntrospectionAnywhere(document)
    ? new GraphQLError('Introspection needs a credential', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      })
    : null;
}

/** `__schema` / `__type` anywhere in the document (a root fragment spread hides it from a shallow walk). */
function hasIntrospectionAnywhere(document: DocumentNode): boolean {
  let found = false;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    const n = node as { kind?: string; name?: { value?: string } };
    if (n.kind === Kind.FIELD && (n.name?.value === '__schema' || n.name?.value === '__type')) {
      found = true;
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc') continue;
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(document);
  return found;
}

export function introspectionPlugin(setting: Config['introspection']): ApolloServerPlugin<GqlContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, contextValue, operation }) {
          // a subscription run as a one-off HTTP request has no event to resolve: it belongs on the WebSocket
          const refusal =
            operation?.operation === OperationTypeNode.SUBSCRIPTION
              ? new GraphQLError(
                  'Subscriptions are served over WebSocket (graphql-transport-ws) on /graphql',
                  { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
                )
              : introspectionRefusal(document, contextValue.caller, setting);
          return refusal ? Promise.reject(refusal) : Promise.resolve();
        },
      });
    },
  };
}
