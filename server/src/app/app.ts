import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '../config/config.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { createMetrics } from '../observability/metrics.js';
import { migrateDatabase, openDatabase, type Orm } from '../db/orm.js';
import { acquireAdvisoryLock, LOCKS } from '../db/advisory-lock.js';
import type { EmbeddedDatabase } from '../db/embedded-postgres.js';
import { createEventBus } from '../events/event-bus.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { RateLimits } from '../security/rate-limits.js';
import { createServices, type Services } from '../container/services.js';
import { createSchema } from '../graphql/schema.js';
import { createArmor } from '../graphql/armor.js';
import { timeRootFields } from '../graphql/resolver-timing.js';
import { enforceInputPolicy } from '../graphql/input-policy.js';
import { introspectionPlugin } from '../graphql/introspection.js';
import { createFormatError } from '../errors/format-error.js';
import { attachWebSocketServer } from '../graphql/ws-server.js';
import type { GqlContext } from '../graphql/context.js';
import { staticApps } from '../http/static-apps.js';
import { graphqlHandler } from '../http/graphql-handler.js';
import { applyCors, json } from '../http/http-utils.js';
import { resolveAuthSecret } from './auth-secret.js';
import { Drain } from './drain.js';
import { readinessCheck } from './readiness.js';
import { redisErrorLog } from '../observability/redis-errors.js';
import { registerFleetMetrics } from './fleet-metrics.js';
import { metricsEndpoint } from '../http/metrics-endpoint.js';
import { startBackgroundWork } from './background.js';
import { seedDemo } from './seed-demo.js';
import { JobQueue } from '../jobs/job-queue.js';
import { integrationRoutes } from '../http/integration-routes.js';
import { allowMethods, edgeServerOptions, guarded } from '../http/edge.js';

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /** Run the clock-driven rules and the outbox on a timer (tests may drive them by hand). */
  background?: boolean;
  /** Overrides MIGRATE_ON_START (the `migrate` command always migrates). */
  migrate?: boolean;
}

export interface App {
  readonly server: Server;
  readonly services: Services;
  readonly orm: Orm;
  readonly logger: Logger;
  listen(port?: number, host?: string): Promise<number>;
  /** SIGTERM: not ready at once, new work refused after DRAIN_GRACE_MS, in-flight finished, then `close`. */
  drain(): Promise<void>;
  close(): Promise<void>;
  /** Runs one pass of the deadline rules and the outbox (tests with a manual clock). */
  tick(): Promise<void>;
}

/** Builds the whole server from a config; `main.ts` and the tests both use it. */
export async function buildApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const clock = opts.clock ?? systemClock;
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    // Loaded only when used: a development dependency, absent from production installs, whose
    // exit hook would also take SIGTERM from the graceful drain.
    const { startEmbeddedPostgres } = await import('../db/embedded-postgres.js');
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, logger);
    databaseUrl = embedded.url;
  }
  // Instances starting together take turns for the migrations, and again for the first-run
  // data below; the rest of the start (pg-boss locks its own schema changes) runs side by side.
  const orm = await openDatabase(databaseUrl);
  const releaseMigrations = await acquireAdvisoryLock(databaseUrl, LOCKS.startup);
  try {
    const applied = await migrateDatabase(orm, opts.migrate ?? config.migrateOnStart);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
  } catch (e) {
    await orm.close(true);
    throw e;
  } finally {
    await releaseMigrations();
  }
  const queue = await JobQueue.start(databaseUrl, config.delivery, logger);
  const redisErrors = redisErrorLog(logger);
  const bus = await createEventBus(config.redisUrl, {
    prefix: config.redisPrefix,
    onListenerError: (err) => logger.error({ err }, 'event listener failed'),
    onRedisError: redisErrors,
  });
  // Commands fail at once while Redis is away (no offline queue): a scan must not wait 15 s on
  // a rate-limit count; the limits fall back to this instance's memory meanwhile.
  const redis = config.redisUrl
    ? new (await import('ioredis')).Redis(config.redisUrl, {
        keyPrefix: config.redisPrefix,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: 2000,
      })
    : null;
  redis?.on('error', redisErrors);
  const metrics = createMetrics();
  const authSecret = resolveAuthSecret(config);
  const services = createServices({
    em: orm.em,
    bus,
    clock,
    config,
    logger,
    metrics,
    limits: new RateLimits(config.limits, redis),
    authSecret,
  });
  const stopSiteReads = services.sites.reads.listen(bus, logger);
  const firstRunData = async () => {
    if (config.adminEmail && config.adminPassword) {
      const result = await services.users.ensureAdmin(config.adminEmail, config.adminPassword);
      logger.info({ email: config.adminEmail, result }, 'first admin');
    }
    if (config.seedDemo) await seedDemo(services, config, logger);
  };
  const releaseFirstRun = await acquireAdvisoryLock(databaseUrl, LOCKS.startup);
  await firstRunData().finally(releaseFirstRun);

  const schema = await createSchema();
  timeRootFields(schema, metrics);
  enforceInputPolicy(schema);
  const formatError = createFormatError(logger);
  const armor = createArmor(config.limits);
  const server = createServer(edgeServerOptions(config.http));
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
  const integrations = integrationRoutes(services, logger);
  const handleGraphql = graphqlHandler({
    apollo,
    services,
    em: orm.em,
    logger,
    maxBodyBytes: config.limits.maxBodyBytes,
  });
  const serveApps = staticApps(config.appsDir, { '/kiosk/': 'kiosk-web', '/admin/': 'admin-web' });

  registerFleetMetrics(metrics, { queue, pool: orm.em.getConnection().getNativeClient(), redis, bus });
  queue.onFailure = (name) => metrics.failedDeliveries.inc({ queue: name });
  const { serveMetrics, metricsServer } = metricsEndpoint(config, metrics);
  const drain = new Drain(server, logger);
  const readiness = readinessCheck(orm, redis, bus);
  server.on(
    'request',
    guarded(logger, (req: IncomingMessage, res: ServerResponse) => {
      if (!drain.track(req, res)) return;
      const requestId =
        (req.headers['x-request-id'] as string | undefined)?.replace(/[^\w.:-]/g, '').slice(0, 100) ||
        randomUUID();
      res.setHeader('x-request-id', requestId);
      const path = (req.url ?? '/').split('?')[0]!;
      const route = path === '/graphql' ? 'graphql' : path.split('/')[1] || 'root';
      const end = metrics.httpDuration.startTimer({ route });
      res.once('finish', () => end({ status: String(res.statusCode) }));
      applyCors(req, res, config.corsOrigins);
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      if (path === '/healthz') return void json(res, 200, { status: 'ok' });
      if (path === '/readyz')
        return void readiness(drain.isDraining).then((r) => json(res, r.ready ? 200 : 503, r));
      if (path === '/metrics') return void serveMetrics(req, res);
      if (path === '/graphql')
        return void (allowMethods(req, res, ['GET', 'POST']) && handleGraphql(req, res, requestId));
      if (integrations(req, res, path)) return;
      if (serveApps(req, res, path)) return;
      if (path === '/') return void res.writeHead(302, { location: '/kiosk/' }).end();
      json(res, 404, { error: 'not found' });
    }),
  );

  const background =
    opts.background === false
      ? null
      : await startBackgroundWork(
          services,
          orm.em,
          clock,
          logger,
          config.timerIntervalMs,
          queue,
          databaseUrl,
        );

  const app: App = {
    server,
    services,
    orm,
    logger,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        if (metricsServer && config.metricsPort !== null) {
          metricsServer.listen(config.metricsPort, host, () =>
            logger.info({ port: (metricsServer.address() as { port: number }).port }, 'metrics listening'),
          );
        }
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    async tick() {
      await startBackgroundWork.once(services, orm.em, clock, logger, queue);
    },
    async drain() {
      await drain.start(config.drainGraceMs, () => ws.close());
      await app.close();
    },
    async close() {
      // each step bounded: a stuck peer must not keep a stopping server alive
      const step = async (name: string, work: () => unknown, ms = 10_000) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
        const outcome = await Promise.race([
          Promise.resolve()
            .then(work)
            .catch((err: unknown) => logger.warn({ err, step: name }, 'shutdown step failed')),
          timeout,
        ]);
        clearTimeout(timer);
        if (outcome === 'timeout') logger.warn({ step: name, ms }, 'shutdown step timed out');
      };
      await step('background', () => background?.stop());
      await step('job queue', () => queue.stop());
      await step('websocket', () => ws.close());
      await step('apollo', () => apollo.stop());
      await step('http', () => server.listening && new Promise<void>((r) => server.close(() => r())));
      await step(
        'metrics',
        () => metricsServer?.listening && new Promise<void>((r) => metricsServer.close(() => r())),
      );
      await step('site read cache', stopSiteReads);
      await step('event bus', () => bus.close());
      redis?.disconnect();
      await step('database', () => orm.close(true));
      await step('embedded postgres', () => embedded?.stop());
    },
  };
  return app;
}
