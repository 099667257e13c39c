/**
 * Keeps ONE gatewayCommands subscription (graphql-ws over Node's global WebSocket) open for
 * as long as the gateway runs. graphql-ws's own retry gives up on "fatal" close codes, so
 * each attempt is a fresh client with no retries and this loop owns backoff and state.
 * A ping with no pong within the keep-alive window counts as a dead link. With several
 * server URLs, a failed attempt moves straight on to the next instance; the backoff applies
 * only once every instance has failed in a row.
 */
import { EventEmitter } from 'node:events';
import { createClient, type Client } from 'graphql-ws';
import type { Logger } from 'pino';
import type { GatewayCommand } from './api.types.js';
import { backoffDelay, ReconnectLoop } from '../shared/reconnect-loop.js';
import { checkTransition } from '../shared/state-machine.js';
import { LINK_TRANSITIONS, type LinkState } from './link-state.js';
import { GATEWAY_COMMANDS_SUBSCRIPTION } from './operations.js';
import { ServerEndpoints, type ServerEndpoint } from './server-endpoints.js';

/** Options of the link. */
export interface ServerLinkOptions {
  /** One URL, or the instances to fail over between (shared with the HTTP calls). */
  wsUrl: string | ServerEndpoints;
  /** Socket open and connection_ack within this long (a peer that accepts TCP and never answers). */
  connectTimeoutMs?: number;
  token: string;
  backoffMinMs: number;
  backoffMaxMs: number;
  keepAliveMs?: number;
  log: Logger;
  /** Called for every command delivered (including re-sends). */
  onCommand: (command: GatewayCommand) => void;
  /**
   * Further subscriptions on the same connection (the site's replica feed). An error on one
   * is logged and leaves the link up: a server without it still drives the locks.
   */
  feeds?: ReadonlyArray<{ query: string; onData: (data: Record<string, unknown>) => void }>;
}

/** The gateway's subscription to its commands. */
export class ServerLink extends EventEmitter<{ state: [LinkState] }> {
  private current: LinkState = { kind: 'idle' };
  private client: Client | null = null;
  private readonly endpoints: ServerEndpoints;
  private readonly reconnect = new ReconnectLoop({
    connecting: (attempt) => this.setState({ kind: 'connecting', attempt, since: Date.now() }),
    connect: async (up) => {
      const endpoint = this.endpoints.current;
      const reason = await this.session(endpoint, up);
      if (!this.reconnect.stopped) this.endpoints.failed(endpoint);
      this.lastServer = endpoint.wsUrl;
      return reason;
    },
    // the next instance at once while some are untried in this round; then back off per round
    delayAfter: (failures) =>
      failures > 0 && failures % this.endpoints.size !== 0
        ? 0
        : backoffDelay(
            Math.ceil(Math.max(1, failures) / this.endpoints.size),
            this.options.backoffMinMs,
            this.options.backoffMaxMs,
          ),
    down: (attempt, error, delay) => {
      this.setState({ kind: 'backoff', attempt, retryAt: Date.now() + delay, error });
      this.options.log.warn(
        { server: this.lastServer, error, next: this.endpoints.current.wsUrl, retryInMs: delay },
        'server link down',
      );
    },
  });
  /** The instance the last connection was to (for the log line when it ends). */
  private lastServer = '';

  constructor(private readonly options: ServerLinkOptions) {
    super();
    this.endpoints =
      typeof options.wsUrl === 'string'
        ? new ServerEndpoints([{ graphqlUrl: '', wsUrl: options.wsUrl }])
        : options.wsUrl;
  }

  get state(): LinkState {
    return this.current;
  }

  /** Starts the connect loop. */
  start(): void {
    void this.reconnect.start();
  }

  /** Closes the subscription and stops reconnecting. */
  async stop(): Promise<void> {
    if (this.reconnect.stopped) return;
    const done = this.reconnect.stop();
    this.client?.terminate();
    await done;
    if (this.current.kind !== 'stopped') this.setState({ kind: 'stopped' });
  }

  /** One connection: resolves with the reason it ended. */
  private session(endpoint: ServerEndpoint, onConnected: () => void): Promise<string> {
    const keepAlive = this.options.keepAliveMs ?? 10_000;
    const connectTimeout = this.options.connectTimeoutMs ?? 3000;
    let pongTimer: NodeJS.Timeout | null = null;
    let connectTimer: NodeJS.Timeout | null = null;
    return new Promise<string>((resolve) => {
      const client = createClient({
        url: endpoint.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${this.options.token}` },
        lazy: true,
        retryAttempts: 0,
        keepAlive,
        connectionAckWaitTimeout: connectTimeout,
        on: {
          connected: () => {
            if (connectTimer) clearTimeout(connectTimer);
            onConnected();
            this.setState({ kind: 'connected', since: Date.now() });
            this.options.log.info('server link up: subscribed to gatewayCommands');
          },
          ping: (received) => {
            if (received) return;
            pongTimer = setTimeout(() => client.terminate(), keepAlive);
          },
          pong: (received) => {
            if (received && pongTimer) clearTimeout(pongTimer);
          },
        },
      });
      this.client = client;
      let ended = false;
      const end = (reason: string): void => {
        if (ended) return;
        ended = true;
        if (pongTimer) clearTimeout(pongTimer);
        if (connectTimer) clearTimeout(connectTimer);
        this.client = null;
        void client.dispose();
        resolve(reason);
      };
      // graphql-ws times the acknowledgement only once the socket is open: an upgrade that never
      // completes (a peer that accepts TCP and never answers) is timed here.
      let timedOut: string | null = null;
      connectTimer = setTimeout(() => {
        timedOut = `no WebSocket handshake within ${connectTimeout} ms`;
        client.terminate(); // reaches `error` below, which ends the session with this reason
      }, connectTimeout);
      client.subscribe<{ gatewayCommands: GatewayCommand }>(
        { query: GATEWAY_COMMANDS_SUBSCRIPTION },
        {
          next: (result) => {
            if (result.errors?.length) {
              this.options.log.error({ errors: result.errors.map((e) => e.message) }, 'subscription error');
              return;
            }
            if (result.data?.gatewayCommands) this.options.onCommand(result.data.gatewayCommands);
          },
          error: (error) => end(timedOut ?? describe(error)),
          complete: () => end('subscription completed by the server'),
        },
      );
      for (const feed of this.options.feeds ?? []) {
        client.subscribe<Record<string, unknown>>(
          { query: feed.query },
          {
            next: (result) => {
              if (result.data) feed.onData(result.data);
            },
            error: (error) => this.options.log.warn({ error: describe(error) }, 'feed subscription ended'),
            complete: () => undefined,
          },
        );
      }
    });
  }

  private setState(next: LinkState): void {
    this.current = checkTransition('server link', LINK_TRANSITIONS, this.current, next);
    this.emit('state', next);
  }
}

/** Names what ended a connection: never an empty string in the logs. */
function describe(error: unknown): string {
  if (Array.isArray(error))
    return error.map((e: { message?: string }) => e.message).join('; ') || 'GraphQL errors';
  const e = error as {
    code?: number;
    reason?: string;
    message?: string;
    error?: { message?: string; cause?: { code?: string; message?: string } };
  };
  if (typeof e?.code === 'number')
    return `socket closed ${e.code}${e.reason ? `: ${e.reason}` : e.code === 1006 ? ' (connection lost)' : ''}`;
  // the WebSocket's ErrorEvent carries no message; the cause (ECONNREFUSED, ...) is underneath
  const cause = e?.error?.cause;
  return (
    e?.message ||
    cause?.code ||
    cause?.message ||
    e?.error?.message ||
    (error instanceof Event ? `WebSocket ${error.type}` : 'connection failed')
  );
}
