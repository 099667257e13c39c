/**
 * The real server for the gateway's system tests: built server/dist, a scratch database,
 * seed-demo pointed at an in-process simulator, on free ports. The gateway under test runs
 * in-process so tests can watch its link state.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGatewayConfig, type GatewayConfig } from '../../src/config/gateway-config.js';
import { startStack, type Stack as LauncherStack } from '@lockers/launcher';
import { startProfiledSimulator } from '../../src/simulator/profiled-simulator.js';
import type { Simulator } from '../../src/simulator/simulator.js';
import { postGraphQL } from '../../src/link/graphql-http.js';

/** The launcher's stack with the simulator in this process. */
export type Stack = LauncherStack<Simulator>;

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Starts server + scratch DB + seed + in-process simulator (no gateway process). */
export async function startSystem(serverEnv: Record<string, string> = {}): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-system-'));
  fs.chmodSync(dataDir, 0o777);
  const logDir = path.join(ROOT, 'lock-gateway/.data/test-logs');
  return startStack({
    rootDir: ROOT,
    database: 'scratch',
    dataDir,
    simInProcess: startProfiledSimulator,
    gateway: false,
    output: (name) => ({ file: path.join(logDir, `${name}.log`) }),
    serverEnv: { LOG_LEVEL: 'warn', ...serverEnv },
  });
}

/** A config for an in-process gateway against `stack`. */
export function gatewayConfigFor(stack: Stack, env: Record<string, string> = {}): GatewayConfig {
  return loadGatewayConfig([], {
    GATEWAY_SERVER_URL: stack.serverUrl,
    GATEWAY_TOKEN: stack.seed.gatewayToken,
    GATEWAY_STATE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'gw-state-')),
    GATEWAY_POLL_MS: '50',
    GATEWAY_MIN_PULSE_INTERVAL_MS: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
}

/** GraphQL as a given caller. */
export function gql<T>(
  stack: Stack,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  return postGraphQL<T>(stack.graphqlUrl, token, query, variables);
}

/** An ADMIN token for the seeded admin. */
export async function adminToken(stack: Stack): Promise<string> {
  const data = await gql<{ login: { token: string } }>(
    stack,
    '',
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    {
      e: stack.seed.adminEmail,
      p: stack.seed.adminPassword,
    },
  );
  return data.login.token;
}

/** Issues a SMALL (free) code and scans it at the kiosk; returns session and compartment. */
export async function depositScan(
  stack: Stack,
): Promise<{ sessionId: string; payload: string; outcome: string; compartmentId: string | null }> {
  const issued = await gql<{ issueAccessCode: { session: { id: string }; code: { payload: string } } }>(
    stack,
    stack.seed.kioskToken,
    'mutation($s: ID!) { issueAccessCode(siteId: $s, size: SMALL) { session { id } code { payload } } }',
    { s: stack.seed.siteId },
  );
  const scan = await gql<{ scanAccessCode: { outcome: string; compartment: { id: string } | null } }>(
    stack,
    stack.seed.kioskToken,
    'mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome compartment { id } } }',
    { s: stack.seed.siteId, p: issued.issueAccessCode.code.payload },
  );
  return {
    sessionId: issued.issueAccessCode.session.id,
    payload: issued.issueAccessCode.code.payload,
    outcome: scan.scanAccessCode.outcome,
    compartmentId: scan.scanAccessCode.compartment?.id ?? null,
  };
}

/** The launcher's stack with a gateway process (site path on) and the simulator in this process. */
export async function startSiteSystem(
  gatewayEnv: Record<string, string>,
): Promise<Stack & { gatewayStateDir: string; gatewayEnv: Record<string, string> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-site-'));
  fs.chmodSync(dataDir, 0o777);
  const logDir = path.join(ROOT, 'lock-gateway/.data/test-logs');
  const stack = await startStack({
    rootDir: ROOT,
    database: 'scratch',
    dataDir,
    simInProcess: startProfiledSimulator,
    gateway: true,
    output: (name) => ({ file: path.join(logDir, `site-${name}.log`) }),
    serverEnv: { LOG_LEVEL: 'warn' },
    gatewayEnv: {
      GATEWAY_POLL_MS: '50',
      GATEWAY_MIN_PULSE_INTERVAL_MS: '0',
      LOG_LEVEL: 'info',
      ...gatewayEnv,
    },
  });
  const gatewayStateDir = path.join(dataDir, 'gateway-state');
  return Object.assign(stack, {
    gatewayStateDir,
    // what the launcher gave the gateway process, to start it again after a kill
    gatewayEnv: {
      GATEWAY_SERVER_URL: stack.serverUrl,
      GATEWAY_TOKEN: stack.seed.gatewayToken,
      GATEWAY_STATE_DIR: gatewayStateDir,
      GATEWAY_POLL_MS: '50',
      GATEWAY_MIN_PULSE_INTERVAL_MS: '0',
      LOG_LEVEL: 'info',
      ...gatewayEnv,
    },
  });
}
