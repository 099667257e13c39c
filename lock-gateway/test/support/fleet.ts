/**
 * A fleet for the gateway's failover tests: two server instances of the launcher on one
 * database and one Redis (a prefix of the test's own), optionally HAProxy in front, the
 * simulator in-process, and scans issued at a steady pace while instances are killed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startStack } from '@lockers/launcher';
import { startProfiledSimulator } from '../../src/simulator/profiled-simulator.js';
import { postGraphQL } from '../../src/link/graphql-http.js';
import { ROOT, type Stack } from './system.js';

export const HAPROXY = '/usr/sbin/haproxy';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function startFleet(
  opts: { haproxy?: boolean; serverEnv?: Record<string, string> } = {},
): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-fleet-'));
  fs.chmodSync(dataDir, 0o777);
  const logDir = path.join(ROOT, 'lock-gateway/.data/test-logs');
  return startStack({
    rootDir: ROOT,
    database: 'scratch',
    dataDir,
    simInProcess: startProfiledSimulator,
    simAutoCloseMs: 300,
    gateway: false,
    extraServers: 1,
    haproxy: opts.haproxy
      ? { binary: HAPROXY, configFile: path.join(ROOT, 'deploy/haproxy/haproxy.cfg') }
      : undefined,
    output: (name) => ({ file: path.join(logDir, `fleet-${name}.log`) }),
    serverEnv: {
      LOG_LEVEL: 'warn',
      REDIS_URL,
      REDIS_PREFIX: `t${randomUUID().slice(0, 8)}:`,
      TIMER_INTERVAL_MS: '200',
      ...opts.serverEnv,
    },
  });
}

/**
 * One storage through `urlOf()`: issue a SMALL (free) code, scan to deposit, scan again to
 * collect (the simulator's doors open and close by themselves), freeing the compartment
 * again. The outcomes of both scans, or the error's message.
 */
export async function storageVia(stack: Stack, urlOf: () => string): Promise<string[]> {
  const call = <T>(query: string, variables: Record<string, unknown>) =>
    postGraphQL<T>(`${urlOf()}/graphql`, stack.seed.kioskToken, query, variables);
  const scan = async (payload: string) =>
    (
      await call<{ scanAccessCode: { outcome: string } }>(
        'mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome } }',
        { s: stack.seed.siteId, p: payload },
      )
    ).scanAccessCode.outcome;
  const outcomes: string[] = [];
  try {
    const issued = await call<{ issueAccessCode: { code: { payload: string } } }>(
      'mutation($s: ID!) { issueAccessCode(siteId: $s, size: SMALL) { code { payload } } }',
      { s: stack.seed.siteId },
    );
    outcomes.push(await scan(issued.issueAccessCode.code.payload));
    await new Promise((r) => setTimeout(r, 1500)); // pulse, door opens, closes: STORED
    outcomes.push(await scan(issued.issueAccessCode.code.payload));
  } catch (error) {
    outcomes.push(`error: ${(error as Error).message}`);
  }
  return outcomes;
}

/** Storages one after another (two at a time) through `urlOf()` until stopped. */
export function storageLoop(stack: Stack, urlOf: () => string) {
  const outcomes: string[] = [];
  let running = true;
  const worker = async () => {
    while (running) outcomes.push(...(await storageVia(stack, urlOf)));
  };
  const done = Promise.all([worker(), new Promise((r) => setTimeout(r, 700)).then(worker)]);
  return {
    outcomes,
    async stop() {
      running = false;
      await done;
    },
  };
}
