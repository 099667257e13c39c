import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Orm } from '../db/orm.js';
import { createSchema } from '../graphql/schema.js';
import { createArmor } from '../graphql/armor.js';
import { timeRootFields } from '../graphql/resolver-timing.js';
import { enforceInputPolicy } from '../graphql/input-policy.js';
import { introspectionPlugin } from '../graphql/introspection.js';
import { createFormatError } from '../errors/format-error.js';
import { attachWebSocketServer } from '../graphql/ws-server.js';
import type { GqlContext } from '../graphql/context.js';
import { graphqlHandler } from '../http/graphql-handler.js';
import type { Services } from '../container/services.js';
import { SnapshotReadPlanner } from '../graphql/snapshot-reads.js';
import { ReadAnswerCache } from '../http/read-answers.js';

/** GraphQL over HTTP (Apollo) and over WebSocket (graphql-ws), on one HTTP server. */
export interface GraphqlServer {
  readonly apollo: ApolloServer<GqlContext>;
  readonly ws: ReturnType<typeof attachWebSocketServer>;
  /** The /graphql route over HTTP (answers every failure itself: never rejects). */
  handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void>;
}

/**
 * The schema with its timing and input policy, served by Apollo over HTTP and by graphql-ws on
 * `server`, both with the same limits (armor, token count), error masking and introspection rule.
 */
export async function startGraphqlServer(
  server: Server,
  deps: { config: Config; services: Services; orm: Orm; logger: Logger; metrics: Metrics },
): Promise<GraphqlServer> {
  const { config, services, orm, logger, metrics } = deps;
  const schema = await createSchema();
  timeRootFields(schema, metrics);
  enforceInputPolicy(schema);
  const formatError = createFormatError(logger);
  const armor = createArmor(config.limits);
  const apollo = new ApolloServer<GqlContext>({
    schema,
    formatError,
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    persistedQueries: false, // no client uses them; a hash mismatch was a code-less error
    // No plugin may implement willResolveField: one such hook makes Apollo wrap every field of
    // every request. Root fields are timed in the schema (timeRootFields); no cache hints are set.
    plugins: [
      ...(armor.plugins as unknown as ApolloServerPlugin<GqlContext>[]),
      introspectionPlugin(config.introspection),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
    ],
  });
  await apollo.start();
  const ws = attachWebSocketServer(server, {
    schema,
    services,
    validationRules: armor.validationRules,
    maxTokens: config.limits.maxTokens,
    maxBufferedBytes: config.limits.wsMaxBufferedBytes,
    formatError,
  });
  const handle = graphqlHandler({
    apollo,
    services,
    em: orm.em,
    logger,
    maxBodyBytes: config.limits.maxBodyBytes,
    answers: new ReadAnswerCache(
      new SnapshotReadPlanner(schema, config.limits.maxTokens),
      services.sites.reads,
      metrics.readAnswersReused,
    ),
  });
  return { apollo, ws, handle };
}
