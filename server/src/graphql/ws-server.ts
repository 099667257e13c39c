import type { IncomingMessage, Server } from 'node:http';
import { clientAddress } from '../config/client-address.js';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import {
  type GraphQLError,
  type ExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
  type GraphQLFormattedError,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller.js';
import type { Services } from '../container/services.js';
import type { GqlContext } from './context.js';
import { createLoaders } from './loaders.js';
import { DomainError } from '../errors/domain-error.js';
import { sharedSubscribe } from './live/shared-subscription.js';
import { SubscriptionDelivery } from './live/subscription-delivery.js';
import { socketWriter } from './live/socket-writer.js';
import { DocumentCache } from './live/document-cache.js';
import { introspectionRefusal } from './introspection.js';
import { usesCredential } from '../auth/revocations.js';

/** Not one of graphql-ws's fatal codes: the client retries, with the same token, at once. */
const RIGHTS_CHANGED_CLOSE = 4100;

type Extra = Record<PropertyKey, unknown> & { caller?: Caller };

export interface WsOptions {
  schema: GraphQLSchema;
  services: Services;
  validationRules: ValidationRule[];
  maxTokens: number;
  maxBufferedBytes: number;
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
  // An execution error without a path is about the request (a variable that does not coerce):
  // graphql-ws leaves it without a code, where Apollo's HTTP path says BAD_USER_INPUT.
  const format = (e: GraphQLError) =>
    opts.formatError(
      !e.path && !e.extensions?.code
        ? { ...e.toJSON(), extensions: { ...e.extensions, code: 'BAD_USER_INPUT' } }
        : e.toJSON(),
      e,
    );
  const formatResult = (result: ExecutionResult): ExecutionResult =>
    result.errors
      ? { ...result, errors: result.errors.map((e) => format(e)) as unknown as GraphQLError[] }
      : result;
  const documents = new DocumentCache(schema, opts.validationRules, opts.maxTokens);
  /** Each operation's socket delivery, found again by its context in `subscribe`. */
  const deliveries = new WeakMap<object, SubscriptionDelivery>();
  const logger = services.infra.logger;
  /** Open connections and their callers: a revoked credential's are closed (on every instance, by the bus). */
  const callers = new Map<WebSocket, Caller>();
  const stopRevocations = services.revocations.listen((credential) => {
    for (const [socket, caller] of callers) {
      if (!usesCredential(caller, credential)) continue;
      // still valid: the client reconnects at once, and its subscriptions follow the new rights
      if (credential.rightsChanged) socket.close(RIGHTS_CHANGED_CLOSE, 'Rights changed');
      else socket.close(4403, 'Credential revoked');
    }
  });
  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      // One execution per event per distinct caller and operation, shared by its subscribers.
      subscribe: (args) =>
        sharedSubscribe(args, {
          caller: (args.contextValue as GqlContext).caller,
          format: formatResult,
          delivery: deliveries.get(args.contextValue as object),
        }),
      onConnect: async (ctx) => {
        const ip = clientAddress(
          (ctx.extra as unknown as { request: IncomingMessage }).request,
          services.infra.config.trustedProxies,
        );
        const auth = ctx.connectionParams?.authorization;
        try {
          const caller = await services.authenticator.authenticate(
            typeof auth === 'string' ? auth : null,
            ip,
          );
          (ctx.extra as Extra).caller = caller;
          const socket = ctx.extra.socket;
          if (caller.kind !== 'anonymous' && socket.readyState === socket.OPEN) {
            callers.set(socket, caller);
            socket.once('close', () => callers.delete(socket));
            closeAtGraceEnd(socket, caller);
          }
          return true;
        } catch (e) {
          if (e instanceof DomainError) return false; // closes with 4403 Forbidden
          throw e;
        }
      },
      onSubscribe: (ctx, id, payload) => {
        const document = documents.get(payload.query);
        if (Array.isArray(document)) return document;
        const caller = (ctx.extra as Extra).caller ?? { kind: 'anonymous', ip: 'unknown' };
        const refusal = introspectionRefusal(document, caller, services.infra.config.introspection);
        if (refusal) return [refusal];
        const context: GqlContext = {
          caller,
          services,
          loaders: createLoaders(services.infra.em),
          requestId: randomUUID(),
        };
        const socket = ctx.extra.socket;
        // a gateway's frames are commands a person waits on at the door: written at once
        const writer = socketWriter(
          socket,
          opts.maxBufferedBytes,
          () =>
            logger.warn({ bufferedBytes: socket.bufferedAmount }, 'subscriber too far behind: disconnected'),
          caller.kind !== 'gateway',
        );
        deliveries.set(context, new SubscriptionDelivery(id, writer));
        return {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: context,
        };
      },
      // results that do not take the socket delivery (a stream that is not a TopicStream)
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => format(e)),
    },
    wss,
  );
  wss.on('connection', (socket) => {
    metrics.wsConnections.inc();
    socket.once('close', () => metrics.wsConnections.dec());
  });
  let closing: Promise<void> | null = null;
  return {
    /** Closes every socket with 1001 (going away) and waits for their close handshakes (bounded). */
    close() {
      closing ??= (async () => {
        stopRevocations();
        const open = [...wss.clients].filter((s) => s.readyState !== s.CLOSED);
        const gone = Promise.all(open.map((s) => new Promise((r) => s.once('close', r))));
        await Promise.resolve()
          .then(() => disposable.dispose())
          .catch(() => {}); // sends 1001 to each; throws if the HTTP server closed first
        await Promise.race([gone, new Promise((r) => setTimeout(r, 2000))]);
        for (const s of wss.clients) s.terminate();
      })();
      return closing;
    },
  };
}

/** A device connected with the token a rotation replaced: its connection ends with that token's grace. */
function closeAtGraceEnd(socket: WebSocket, caller: Caller): void {
  if ((caller.kind !== 'kiosk' && caller.kind !== 'gateway') || !caller.tokenValidUntil) return;
  const timer = setTimeout(
    () => socket.close(4403, 'Credential revoked'),
    Math.max(0, caller.tokenValidUntil - Date.now()),
  );
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}
