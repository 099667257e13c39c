import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller.js';
import type { Services } from '../app/services.js';
import type { GqlContext } from './context.js';
import { createLoaders } from './loaders.js';
import { DomainError } from '../errors/domain-error.js';
import { sharedSubscribe } from './shared-subscription.js';

type Extra = Record<PropertyKey, unknown> & { caller?: Caller };

export interface WsOptions {
  schema: GraphQLSchema;
  services: Services;
  validationRules: ValidationRule[];
  maxTokens: number;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/**
 * graphql-ws on the HTTP server's port, path /graphql. The credential comes once, in
 * connectionParams.authorization; every operation then passes the same limits and
 * validation as HTTP and gets a context with its caller.
 */
export function attachWebSocketServer(httpServer: Server, opts: WsOptions) {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 256 * 1024 });
  const { services, schema } = opts;
  const metrics = services.infra.metrics;
  const format = (e: GraphQLError) => opts.formatError(e.toJSON(), e);
  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      // One execution per event per distinct caller and operation, shared by its subscribers.
      subscribe: (args) => sharedSubscribe(args, (args.contextValue as GqlContext).caller),
      onConnect: async (ctx) => {
        const ip = (ctx.extra as unknown as { request: { socket: { remoteAddress?: string } } }).request.socket.remoteAddress ?? 'unknown';
        const auth = ctx.connectionParams?.authorization;
        try {
          (ctx.extra as Extra).caller = await services.authenticator.authenticate(typeof auth === 'string' ? auth : null, ip);
          return true;
        } catch (e) {
          if (e instanceof DomainError) return false; // closes with 4403 Forbidden
          throw e;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: opts.maxTokens });
        } catch (e) {
          return [withCode(e instanceof GraphQLError ? e : new GraphQLError('Invalid query'), 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(schema, document, [...specifiedRules, ...opts.validationRules]);
        if (errors.length > 0) return errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
        const context: GqlContext = {
          caller: (ctx.extra as Extra).caller ?? { kind: 'anonymous', ip: 'unknown' },
          services,
          loaders: createLoaders(services.infra.em),
          requestId: randomUUID(),
        };
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: context };
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!('errors' in result) || !result.errors) return result;
        return { ...result, errors: result.errors.map((e) => format(e as GraphQLError)) as unknown as GraphQLError[] };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => format(e)) as unknown as GraphQLError[],
    },
    wss,
  );
  wss.on('connection', (socket) => {
    metrics.wsConnections.inc();
    socket.once('close', () => metrics.wsConnections.dec());
  });
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((r) => wss.close(() => r()));
    },
  };
}

/** Request-level errors carry a code as they do over HTTP, so formatError passes them through. */
function withCode(e: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { code, ...e.extensions } });
}
