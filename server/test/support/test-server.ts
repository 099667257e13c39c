import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import { loadConfig, type Config } from '../../src/config/config.js';
import { buildApp, type App } from '../../src/app/app.js';
import type { Clock } from '../../src/shared/clock.js';

export const ADMIN = { email: 'admin@example.com', password: 'admin-password-1' };

/** A fresh database on the test PostgreSQL; dropped by `drop()`. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: {
    message: string;
    extensions?: { code?: string; field?: string; attemptsLeft?: number; retryAfterSeconds?: number };
  }[];
}

export interface TestServer {
  app: App;
  url: string;
  wsUrl: string;
  databaseUrl: string;
  /** GraphQL over real HTTP. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  /** A graphql-ws client over a real WebSocket. */
  ws(token?: string): Client;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export interface TestServerOptions {
  clock?: Clock;
  env?: Record<string, string>;
  databaseUrl?: string;
  background?: boolean;
  logger?: import('../../src/observability/logger.js').Logger;
}

/** Builds the app on a fresh database, listens on a free port, creates the first admin. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const db = opts.databaseUrl ? { url: opts.databaseUrl, drop: async () => {} } : await createTestDatabase();
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'lockers-test-')),
    AUTH_SECRET: 'test-secret-test-secret-test-secret-00',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...opts.env,
  });
  let app = await buildApp(config, {
    clock: opts.clock,
    background: opts.background ?? false,
    logger: opts.logger,
  });
  let port = await app.listen(0, '127.0.0.1');
  const clients: Client[] = [];
  const server: TestServer = {
    get app() {
      return app;
    },
    get url() {
      return `http://127.0.0.1:${port}/graphql`;
    },
    get wsUrl() {
      return `ws://127.0.0.1:${port}/graphql`;
    },
    databaseUrl: db.url,
    async gql(query, variables, token) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResult<any>;
    },
    ws(token) {
      const client = createClient({
        url: server.wsUrl,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
      await app.close();
      await db.drop();
    },
    async restart() {
      await app.close();
      app = await buildApp(config, {
        clock: opts.clock,
        background: opts.background ?? false,
        logger: opts.logger,
      });
      port = await app.listen(port, '127.0.0.1');
    },
  };
  return server;
}
