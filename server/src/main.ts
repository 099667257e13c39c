import 'reflect-metadata';
import { loadConfig, ConfigError } from './config/config.js';
import { buildApp } from './app/app.js';
import { createLogger } from './observability/logger.js';

/** Starts the server; on SIGTERM/SIGINT drains (see App.drain) and exits, bounded. */
async function main(): Promise<void> {
  let logger = createLogger('info');
  // Every line JSON, a crash too: a log collector must not split a stack trace into lines.
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    logger.fatal({ err }, 'unhandled rejection');
    process.exit(1);
  });
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      logger.fatal({ problems: e.problems }, 'invalid configuration');
      process.exit(1);
    }
    throw e;
  }
  logger = createLogger(config.logLevel);
  const app = await buildApp(config, { logger });
  const port = await app.listen();
  app.logger.info(
    {
      port,
      graphql: `http://localhost:${port}/graphql`,
      kiosk: `http://localhost:${port}/kiosk/`,
      admin: `http://localhost:${port}/admin/`,
    },
    'server listening',
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info(
      { signal, graceMs: config.drainGraceMs, timeoutMs: config.shutdownTimeoutMs },
      'draining',
    );
    // the whole stop is bounded: past the timeout the process exits whatever is still open
    setTimeout(() => {
      app.logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    app.drain().then(
      () => {
        app.logger.info({ signal }, 'stopped');
        process.exit(0);
      },
      (e: unknown) => {
        app.logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
