import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSite, login, ok, type Fixture } from '../support/fixtures.js';
import { graphqlCase, rawCase, Rng, wsMessages, type GqlCase, type RawCase } from './fuzz-cases.js';

/**
 * HTTP and WebSocket fuzzing against the real server: hostile paths, methods, encodings, bodies
 * and GraphQL operations on every root field with hostile arguments, from every kind of caller.
 * Must hold: no crash, no 500 and no INTERNAL_SERVER_ERROR, and nothing written by a refused
 * request (row counts of every table compared). FUZZ_CASES and FUZZ_SEED size and replay it.
 */
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 13);
const PARALLEL = 8;

interface Outcome {
  what: string;
  status: number;
  body: string;
}

describe(`fuzz: ${CASES} cases, seed ${SEED}`, () => {
  let s: TestServer;
  let f: Fixture;
  let db: pg.Client;
  let port: number;
  const tokens: Record<string, string | undefined> = {};

  const rowCounts = async () => {
    const tables = (
      await db.query(`select tablename from pg_tables where schemaname = 'public' order by tablename`)
    ).rows.map((r) => r.tablename as string);
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = (await db.query(`select count(*)::int as n from "${t}"`)).rows[0].n;
    return counts;
  };

  beforeAll(async () => {
    const apps = mkdtempSync(join(tmpdir(), 'lockers-apps-'));
    for (const app of ['kiosk-web', 'admin-web']) {
      mkdirSync(join(apps, app, 'dist', 'assets'), { recursive: true });
      writeFileSync(join(apps, app, 'dist', 'index.html'), '<!doctype html><title>app</title>');
      writeFileSync(join(apps, app, 'dist', 'assets', 'app.js'), 'console.log(1)');
    }
    // generous public and sign-in limits, so cases reach the resolvers instead of stopping at RATE_LIMITED
    s = await startTestServer({
      env: {
        APPS_DIR: apps,
        STRIPE_WEBHOOK_SECRET: 'whsec_fuzz',
        RATE_LIMIT_PUBLIC: '100000',
        RATE_LIMIT_FAILED_SCANS: '100000',
        HTTP_REQUEST_TIMEOUT_MS: '5000',
      },
    });
    port = Number(new URL(s.url).port);
    f = await createSite(s);
    ok(
      await s.gql(
        `mutation { createUser(email:"viewer@example.com", password:"a-long-password", role:VIEWER){ id } }`,
        {},
        f.adminToken,
      ),
    );
    tokens.viewer = await login(s, 'viewer@example.com', 'a-long-password');
    tokens.key = ok(
      await s.gql<{ createApiKey: { secret: string } }>(
        `mutation { createApiKey(name:"fuzz", scopes:["alerts:read"]){ secret } }`,
        {},
        f.adminToken,
      ),
    ).createApiKey.secret;
    tokens.admin = f.adminToken;
    tokens.kiosk = f.kioskToken;
    tokens.gateway = f.gatewayToken;
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await s?.stop();
  });

  function send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: Buffer | string,
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          headers:
            body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', () => resolve({ status: res.statusCode ?? 0, body: '' }));
        },
      );
      // a reset after a complete refusal (e.g. 413 then close) is not a failure; a reset with no answer is recorded as status 0
      req.on('error', (e) => resolve({ status: 0, body: String(e) }));
      req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
      req.end(body);
    });
  }

  async function runGraphql(c: GqlCase, caller: string): Promise<Outcome> {
    const token = tokens[caller];
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const r = await send(
      'POST',
      '/graphql',
      { 'content-type': 'application/json', ...auth },
      JSON.stringify({ query: c.query, variables: c.variables }),
    );
    return { what: `${caller} ${c.query.slice(0, 160)} ${JSON.stringify(c.variables).slice(0, 160)}`, ...r };
  }

  async function runRaw(c: RawCase): Promise<Outcome> {
    const r = await send(c.method, c.path, c.headers, c.body);
    return {
      what: `${c.method} ${c.path.slice(0, 80)} ${JSON.stringify(c.headers)} ${c.body?.subarray(0, 60).toString('latin1') ?? ''}`,
      ...r,
    };
  }

  function runWs(messages: string[]): Promise<Outcome> {
    return new Promise((resolve) => {
      const received: string[] = [];
      const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
      let closeCode = 0;
      const finish = () =>
        resolve({
          what: `ws ${messages.map((m) => m.slice(0, 100)).join(' | ')}`,
          status: closeCode === 1011 ? 500 : 200,
          body: received.join('\n'),
        });
      socket.on('message', (d: Buffer) => received.push(d.toString()));
      socket.on('error', () => {});
      socket.on('close', (code) => {
        closeCode = code;
        finish();
      });
      socket.on('open', () => {
        void (async () => {
          for (const m of messages) {
            if (socket.readyState !== WebSocket.OPEN) break;
            socket.send(m);
            await new Promise((r) => setTimeout(r, 15));
          }
          setTimeout(() => socket.close(1000), 100);
        })();
      });
    });
  }

  test(
    'no crash, no 500 or INTERNAL, nothing written by refused requests',
    { timeout: 600_000 },
    async () => {
      const rng = new Rng(SEED);
      const before = await rowCounts();
      const failures: Outcome[] = [];
      const counts = { graphql: 0, raw: 0, ws: 0, poisonedMutations: 0 };
      const lowCallers = ['anonymous', 'viewer', 'key'];
      const allCallers = ['anonymous', 'viewer', 'key', 'admin', 'kiosk', 'gateway'];
      const next = (): (() => Promise<Outcome>) => {
        const roll = rng.next();
        if (roll < 0.6) {
          counts.graphql++;
          const operation = rng.pick(['query', 'query', 'mutation', 'mutation', 'subscription'] as const);
          // a mutation either comes from a caller without any write right, or carries arguments the policy refuses
          const poison = operation === 'mutation' && rng.chance(0.5);
          if (poison) counts.poisonedMutations++;
          const c = graphqlCase(rng, operation, poison);
          const caller = operation === 'mutation' && !poison ? rng.pick(lowCallers) : rng.pick(allCallers);
          return () => runGraphql(c, caller);
        }
        if (roll < 0.85) {
          counts.raw++;
          const c = rawCase(rng);
          return () => runRaw(c);
        }
        counts.ws++;
        const messages = wsMessages(rng, tokens[rng.pick(allCallers)]);
        return () => runWs(messages);
      };
      const started = Date.now();
      let issued = 0;
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          while (issued < CASES) {
            issued++;
            const outcome = await next()();
            if (outcome.status >= 500 || outcome.body.includes('INTERNAL_SERVER_ERROR'))
              failures.push(outcome);
          }
        }),
      );
      const seconds = (Date.now() - started) / 1000;
      if (process.env.FUZZ_REPORT)
        writeFileSync(
          process.env.FUZZ_REPORT,
          failures.map((o) => `${o.status} ${o.what}\n  -> ${o.body.slice(0, 400)}`).join('\n'),
        );
      process.stdout.write(
        `fuzz: ${CASES} cases (${JSON.stringify(counts)}) in ${seconds.toFixed(1)} s, ${failures.length} failures\n`,
      );
      expect(failures.slice(0, 5).map((o) => `${o.status} ${o.what}\n  -> ${o.body.slice(0, 300)}`)).toEqual(
        [],
      );
      expect((await send('GET', '/healthz', {})).status).toBe(200);
      expect(await rowCounts()).toEqual(before);
    },
  );
});
