/**
 * A fleet for the gateway's failover tests: two server instances of the launcher on one
 * database and one Redis (a prefix of the test's own), optionally HAProxy in front, the
 * simulator in-process, and scans issued at a steady pace while instances are killed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startStack, type Stack } from '../../src/launch/stack.js';
import { postGraphQL } from '../../src/link/graphql-http.js';
import { ROOT } from './system.js';

export const HAPROXY = '/usr/sbin/haproxy';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function startFleet(opts: { haproxy?: boolean; serverEnv?: Record<string, string> } = {}): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-fleet-'));
  fs.chmodSync(dataDir, 0o777);
  const logDir = path.join(ROOT, 'lock-gateway/.data/test-logs');
  return startStack({
    rootDir: ROOT,
    database: 'scratch',
    dataDir,
    simInProcess: true,
    simAutoCloseMs: 300,
    gateway: false,
    extraServers: 1,
    haproxy: opts.haproxy ? { binary: HAPROXY, configFile: path.join(ROOT, 'deploy/haproxy/haproxy.cfg') } : undefined,
    output: (name) => ({ file: path.join(logDir, `fleet-${name}.log`) }),
    serverEnv: { LOG_LEVEL: 'warn', REDIS_URL, REDIS_PREFIX: `t${randomUUID().slice(0, 8)}:`, TIMER_INTERVAL_MS: '200', ...opts.serverEnv },
  });
}

/** Issues and scans one SMALL deposit through `url`; the outcome, or the error's message. */
export async function depositVia(stack: Stack, url: string): Promise<string> {
  const graphql = `${url}/graphql`;
  try {
    const issued = await postGraphQL<{ issueAccessCode: { code: { payload: string } } }>(graphql, stack.seed.kioskToken, 'mutation($s: ID!) { issueAccessCode(siteId: $s, size: SMALL) { code { payload } } }', {
      s: stack.seed.siteId,
    });
    const scan = await postGraphQL<{ scanAccessCode: { outcome: string } }>(graphql, stack.seed.kioskToken, 'mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome } }', {
      s: stack.seed.siteId,
      p: issued.issueAccessCode.code.payload,
    });
    return scan.scanAccessCode.outcome;
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}
