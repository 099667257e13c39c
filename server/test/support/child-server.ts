import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import type { GqlResult } from './test-server.js';
import { ADMIN } from './test-server.js';

const serverRoot = resolve(import.meta.dirname, '..', '..');

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

export interface ChildServer {
  readonly port: number;
  readonly url: string;
  readonly process: ChildProcess;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  ws(token?: string): Client;
  /** SIGKILL: no shutdown hooks, no flushing; what is committed stays, what is not is lost. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real server as its own process (`src/main.ts`, the `pnpm dev` entry, compiled on load so
 * it is always the code under test), configured only through its environment like production.
 */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: serverRoot,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'lockers-child-')),
      AUTH_SECRET: 'test-secret-test-secret-test-secret-00',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}/graphql`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    // Compiling the sources on load takes most of it: three at once on two busy cores, ~30 s.
    if (Date.now() - started > 60_000) {
      // Killed, not left behind: a live child holds the test runner's output open, so the
      // whole run would wait on it after its last test.
      child.kill('SIGKILL');
      await exited;
      throw new Error('server did not start in 60 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const clients: Client[] = [];
  return {
    port,
    url,
    process: child,
    async gql(query, variables, token) {
      const res = await fetch(url, {
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
        url: `ws://127.0.0.1:${port}/graphql`,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async kill() {
      await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
