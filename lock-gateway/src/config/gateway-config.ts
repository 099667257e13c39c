/**
 * The gateway's configuration: the only reader of process.env and argv flags. Validated
 * once at start, frozen, passed down. The token is secret: `redactedConfig` is what logs see.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EnvProblemsError, EnvReader, listSchema } from '@lockers/common/env';
import { endpointOf, type ServerEndpoint } from '../link/server-endpoints.js';

/** Everything the gateway needs, validated. */
export interface GatewayConfig {
  /** GraphQL endpoint over HTTP, e.g. http://127.0.0.1:4000/graphql. */
  readonly graphqlUrl: string;
  /** Same endpoint over WebSocket (graphql-ws). */
  readonly wsUrl: string;
  /** Every server instance to try, in order (the first is graphqlUrl/wsUrl); failover moves along it. */
  readonly servers: readonly ServerEndpoint[];
  /** The WebSocket must be open and acknowledged within this long, else the next server is tried. */
  readonly linkConnectTimeoutMs: number;
  readonly token: string;
  readonly stateDir: string;
  readonly pollIntervalMs: number;
  /** Minimum time between the starts of two pulses on one lock (duty cycle). */
  readonly minPulseIntervalMs: number;
  /** Start a pulse only if it ends (and is acknowledged) this long before the command expires. */
  readonly expiryMarginMs: number;
  readonly modbusTimeoutMs: number;
  readonly modbusConnectTimeoutMs: number;
  readonly modbusBackoffMinMs: number;
  readonly modbusBackoffMaxMs: number;
  readonly linkBackoffMinMs: number;
  readonly linkBackoffMaxMs: number;
  /** Ping the server this often; no pong within the same time means a dead link. */
  readonly linkKeepAliveMs: number;
  /** A door whose controller has not answered for this long is reported UNKNOWN; 0 = never. */
  readonly unknownAfterMs: number;
  /** Presence (controller links) sent at least this often. */
  readonly heartbeatMs: number;
  readonly logLevel: string;
  /** The site path (offline retrievals for kiosks on the site's network): its port, null = off, 0 = any free one. */
  readonly sitePort: number | null;
  readonly siteHost: string;
  /** Origins allowed to call the site path from a browser (`*`: any). */
  readonly siteCorsOrigins: readonly string[];
  readonly check: boolean;
  /** `--check --pulse <label>`: the compartment whose lock the check pulses. */
  readonly checkPulse: string | null;
}

type Env = Record<string, string | undefined>;

/** Parses flags and env (flags win) into a frozen config; throws listing every problem. */
export function loadGatewayConfig(argv: string[], env: Env): GatewayConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      'state-dir': { type: 'string' },
      'poll-ms': { type: 'string' },
      pulse: { type: 'string' },
      check: { type: 'boolean' },
    },
  });
  // Flags win over their variables; GATEWAY_TOKEN_FILE: a secret mounted as a file (systemd
  // credentials, Docker secrets).
  const vars = new EnvReader(
    {
      ...env,
      GATEWAY_SERVER_URL: values.server ?? env.GATEWAY_SERVER_URL,
      GATEWAY_TOKEN: values.token ?? env.GATEWAY_TOKEN,
      GATEWAY_STATE_DIR: values['state-dir'] ?? env.GATEWAY_STATE_DIR,
      GATEWAY_POLL_MS: values['poll-ms'] ?? env.GATEWAY_POLL_MS,
    },
    { readFile: (file) => fs.readFileSync(file, 'utf8'), fileVariables: ['GATEWAY_TOKEN'] },
  );
  const int = (name: string, fallback: number, min: number, max: number): number =>
    vars.int(name, fallback, min, max);

  const servers: ServerEndpoint[] = [];
  const serverUrls = vars.read('GATEWAY_SERVER_URL', listSchema(), []);
  if (vars.text('GATEWAY_SERVER_URL') === null)
    vars.problem('GATEWAY_SERVER_URL (or --server) is required, e.g. http://127.0.0.1:4000');
  for (const one of serverUrls) {
    try {
      servers.push(endpointOf(one));
    } catch {
      vars.problem(`GATEWAY_SERVER_URL must be http(s) URLs separated by commas (got "${one}")`);
    }
  }
  const graphqlUrl = servers[0]?.graphqlUrl ?? '';
  const wsUrl = servers[0]?.wsUrl ?? '';
  const token = vars.text('GATEWAY_TOKEN') ?? '';
  if (!token) vars.problem('GATEWAY_TOKEN (or --token) is required: the token registerGateway returned');

  // Replaced by the bank's board profile: a value here would silently do nothing.
  for (const gone of ['GATEWAY_PULSE_MODE', 'GATEWAY_PULSE_REGISTER_BASE']) {
    if (vars.text(gone) !== null)
      vars.problem(
        `${gone} is no longer read: how a lock is pulsed is the bank's board profile (see the README's relay boards section)`,
      );
  }

  const config: GatewayConfig = {
    graphqlUrl,
    wsUrl,
    servers,
    linkConnectTimeoutMs: int('GATEWAY_LINK_CONNECT_TIMEOUT_MS', 3000, 100, 60_000),
    token,
    stateDir: path.resolve(vars.text('GATEWAY_STATE_DIR') ?? '.data/gateway'),
    pollIntervalMs: int('GATEWAY_POLL_MS', 150, 20, 10_000),
    minPulseIntervalMs: int('GATEWAY_MIN_PULSE_INTERVAL_MS', 1000, 0, 600_000),
    expiryMarginMs: int('GATEWAY_EXPIRY_MARGIN_MS', 250, 0, 60_000),
    modbusTimeoutMs: int('GATEWAY_MODBUS_TIMEOUT_MS', 500, 20, 30_000),
    modbusConnectTimeoutMs: int('GATEWAY_MODBUS_CONNECT_TIMEOUT_MS', 2000, 50, 60_000),
    modbusBackoffMinMs: int('GATEWAY_MODBUS_BACKOFF_MIN_MS', 100, 10, 60_000),
    modbusBackoffMaxMs: int('GATEWAY_MODBUS_BACKOFF_MAX_MS', 5000, 10, 600_000),
    linkBackoffMinMs: int('GATEWAY_LINK_BACKOFF_MIN_MS', 250, 10, 60_000),
    linkBackoffMaxMs: int('GATEWAY_LINK_BACKOFF_MAX_MS', 10_000, 10, 600_000),
    linkKeepAliveMs: int('GATEWAY_LINK_KEEPALIVE_MS', 5000, 100, 600_000),
    unknownAfterMs: int('GATEWAY_UNKNOWN_AFTER_MS', 2000, 0, 600_000),
    heartbeatMs: int('GATEWAY_HEARTBEAT_MS', 2000, 100, 60_000),
    logLevel: vars.text('LOG_LEVEL') ?? 'info',
    sitePort: vars.text('GATEWAY_SITE_PORT') === null ? null : int('GATEWAY_SITE_PORT', 0, 0, 65_535),
    siteHost: vars.text('GATEWAY_SITE_HOST') ?? '0.0.0.0',
    siteCorsOrigins: vars.read('GATEWAY_SITE_CORS_ORIGINS', listSchema(), ['*']),
    check: values.check ?? false,
    checkPulse: values.pulse ?? null,
  };
  if (vars.problems.length > 0) throw new EnvProblemsError('invalid gateway configuration', vars.problems);
  return Object.freeze(config);
}

/** The config as logs may show it (token masked). */
export function redactedConfig(config: GatewayConfig): Record<string, unknown> {
  return { ...config, token: config.token ? '[redacted]' : '' };
}
