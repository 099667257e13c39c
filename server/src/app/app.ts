import { markServerStarted } from '../modules/devices/presence.js';
import { createServer, type Server } from 'node:http';
import type { Config } from '../config/config.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { createMetrics } from '../observability/metrics.js';
import type { Orm } from '../db/orm.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { RateLimits } from '../security/rate-limits.js';
import { createServices, type Services } from '../container/services.js';
import { staticApps } from '../http/static-apps.js';
import { json } from '../http/http-utils.js';
import { resolveAuthSecret } from './auth-secret.js';
import { Drain } from './drain.js';
import { readinessCheck } from './readiness.js';
import { registerFleetMetrics } from './fleet-metrics.js';
import { metricsEndpoint } from '../http/metrics-endpoint.js';
import { startBackgroundWork } from './background.js';
import { integrationRoutes } from '../http/integration-routes.js';
import { exportRoutes } from '../http/export-routes.js';
import { allowMethods, edgeServerOptions } from '../http/edge.js';
import { dispatcher, type Routes } from '../http/dispatcher.js';
import { openInfrastructure } from './infrastructure.js';
import { ensureFirstRunData } from './first-run.js';
import { startGraphqlServer } from './graphql-server.js';
import { shutdownInOrder } from './shutdown.js';

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

/**
 * Builds the whole server from a config; `main.ts` and the tests both use it. In order: what it
 * runs on (database, queue, bus, Redis), the services, the first-run data, GraphQL over HTTP and
 * WebSocket, the HTTP routes, the background work.
 */
export async function buildApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const clock = opts.clock ?? systemClock;
  // Gateways heard from before this start may have been linked to a process that is gone.
  markServerStarted(clock.now());
  const infra = await openInfrastructure(config, logger, opts.migrate ?? config.migrateOnStart);
  const { databaseUrl, embedded, orm, queue, bus, redis } = infra;
  const metrics = createMetrics();
  const services = createServices({
    em: orm.em,
    bus,
    clock,
    config,
    logger,
    metrics,
    limits: new RateLimits(config.limits, redis),
    authSecret: resolveAuthSecret(config),
  });
  const stopSiteReads = services.sites.reads.listen(bus, logger);
  await ensureFirstRunData(services, config, logger, databaseUrl);

  const server = createServer(edgeServerOptions(config.http));
  const graphql = await startGraphqlServer(server, { config, services, orm, logger, metrics });
  registerFleetMetrics(metrics, { queue, pool: orm.em.getConnection().getNativeClient(), redis, bus });
  queue.onFailure = (name) => metrics.failedDeliveries.inc({ queue: name });
  const { serveMetrics, metricsServer } = metricsEndpoint(config, metrics);
  const drain = new Drain(server, logger);
  const readiness = readinessCheck(orm, redis, bus);

  const routes: Routes = {
    exact: {
      '/healthz': (_req, res) => json(res, 200, { status: 'ok' }),
      '/readyz': (_req, res) =>
        void readiness(drain.isDraining).then((r) => json(res, r.ready ? 200 : 503, r)),
      '/metrics': (req, res) => serveMetrics(req, res),
      '/graphql': (req, res, requestId) =>
        void (allowMethods(req, res, ['GET', 'POST']) && graphql.handle(req, res, requestId)),
      '/': (_req, res) => void res.writeHead(302, { location: '/kiosk/' }).end(),
    },
    fallbacks: [
      integrationRoutes(services, logger),
      exportRoutes(services, logger),
      staticApps(config.appsDir, { '/kiosk/': 'kiosk-web', '/admin/': 'admin-web' }),
    ],
  };
  server.on('request', dispatcher(routes, { config, logger, metrics, drain }));

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
      await drain.start(config.drainGraceMs, () => graphql.ws.close());
      await app.close();
    },
    close: () =>
      shutdownInOrder(
        [
          { name: 'background', work: () => background?.stop() },
          { name: 'job queue', work: () => queue.stop() },
          { name: 'websocket', work: () => graphql.ws.close() },
          { name: 'apollo', work: () => graphql.apollo.stop() },
          {
            name: 'http',
            work: () => server.listening && new Promise<void>((r) => server.close(() => r())),
          },
          {
            name: 'metrics',
            work: () => metricsServer?.listening && new Promise<void>((r) => metricsServer.close(() => r())),
          },
          { name: 'site read cache', work: stopSiteReads },
          { name: 'event bus', work: () => bus.close() },
          { name: 'redis', work: () => redis?.disconnect() },
          { name: 'database', work: () => orm.close(true) },
          { name: 'embedded postgres', work: () => embedded?.stop() },
        ],
        logger,
      ),
  };
  return app;
}
