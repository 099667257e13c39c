/**
 * The gateway assembled: server link -> command executor -> boards, and door poller ->
 * reporter -> server. `main` runs one; tests run one in-process against a real server.
 */
import type { Logger } from 'pino';
import type { SimRegistry } from '../boards/board-factory.js';
import { AckOutbox } from '../commands/ack-outbox.js';
import { CommandExecutor } from '../commands/command-executor.js';
import { CommandStore } from '../commands/command-store.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { DoorPoller } from '../doors/door-poller.js';
import { DoorReporter } from '../doors/door-reporter.js';
import type { GatewaySetup, ServerApi } from '../link/api.types.js';
import { GraphQLServerApi } from '../link/graphql-server-api.js';
import { ServerEndpoints } from '../link/server-endpoints.js';
import { isTransportError } from '../link/graphql-http.js';
import type { LinkState } from '../link/link-state.js';
import { ServerLink } from '../link/server-link.js';
import { sleep } from '../locks/lock-pulser.js';
import { BoardPool } from './board-pool.js';
import { OfflineJournal } from '../site/offline-journal.js';
import { GraphQLSiteApi, type SiteApi } from '../site/site-api.js';
import { startSiteHttp } from '../site/site-http.js';
import { SITE_SESSION_CHANGED_SUBSCRIPTION } from '../site/site-operations.js';
import { SitePath } from '../site/site-path.js';
import { SiteReplica } from '../site/site-replica.js';

/** How often the site path reads its replica again without a change announced. */
const REPLICA_REFRESH_MS = 60_000;

/** Optional replacements (tests). */
export interface GatewayOverrides {
  api?: ServerApi;
  /** The site path's server calls (with a replaced `api`, the site path runs only when given). */
  siteApi?: SiteApi;
  sims?: SimRegistry;
}

/** One running gateway. */
export class Gateway {
  readonly pool: BoardPool;
  readonly executor: CommandExecutor;
  readonly poller: DoorPoller;
  readonly reporter: DoorReporter;
  readonly link: ServerLink;
  private readonly store: CommandStore;
  private readonly outbox: AckOutbox;
  private readonly api: ServerApi;
  private setup: GatewaySetup | null = null;
  /** The local path for offline retrievals (GATEWAY_SITE_PORT set), else null. */
  readonly site: SitePath | null = null;
  private readonly journal: OfflineJournal | null = null;
  private siteHttp: Promise<{ port: number; close: () => Promise<void> }> | null = null;
  /** When the server link was last lost (the process start until it first connects). */
  private linkDownSince = Date.now();
  private replicaTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: GatewayConfig,
    private readonly log: Logger,
    overrides: GatewayOverrides = {},
  ) {
    const servers = new ServerEndpoints(
      config.servers.length > 0 ? config.servers : [{ graphqlUrl: config.graphqlUrl, wsUrl: config.wsUrl }],
    );
    this.api = overrides.api ?? new GraphQLServerApi(servers, config.token);
    this.store = CommandStore.open(config.stateDir);
    this.pool = new BoardPool(config, log, overrides.sims);
    // Relays a crashed run left on go off as soon as their controller answers.
    this.pool.restoreSavedLayout();
    this.outbox = new AckOutbox(this.api, log);
    this.executor = new CommandExecutor({
      store: this.store,
      pool: this.pool,
      outbox: this.outbox,
      minPulseIntervalMs: config.minPulseIntervalMs,
      expiryMarginMs: config.expiryMarginMs,
      log,
    });
    this.poller = new DoorPoller({
      pool: this.pool,
      intervalMs: config.pollIntervalMs,
      unknownAfterMs: config.unknownAfterMs,
      log,
      onChanges: (changes) => {
        this.site?.doorChanges(changes);
        this.reporter.enqueue(changes);
      },
    });
    const siteApi = overrides.siteApi ?? (overrides.api ? null : new GraphQLSiteApi(servers, config.token));
    if (config.sitePort !== null && siteApi) {
      this.journal = OfflineJournal.open(config.stateDir);
      this.site = new SitePath({
        replica: SiteReplica.open(config.stateDir),
        journal: this.journal,
        api: siteApi,
        executor: this.executor,
        commandRecord: (id) => this.store.get(id),
        online: () => this.link.state.kind === 'connected',
        offlineSince: () => this.linkDownSince,
        doorState: (id) => this.poller.stateOf(id),
        log,
      });
    }
    this.reporter = new DoorReporter(
      this.api,
      { snapshot: () => this.poller.snapshot(), controllers: () => this.poller.controllers() },
      log,
      config.heartbeatMs,
    );
    this.link = new ServerLink({
      wsUrl: servers,
      connectTimeoutMs: config.linkConnectTimeoutMs,
      token: config.token,
      backoffMinMs: config.linkBackoffMinMs,
      backoffMaxMs: config.linkBackoffMaxMs,
      keepAliveMs: config.linkKeepAliveMs,
      log,
      feeds: this.site
        ? [{ query: SITE_SESSION_CHANGED_SUBSCRIPTION, onData: () => this.site?.changed() }]
        : [],
      onCommand: (command) => {
        const receivedAt = new Date().toISOString();
        // one handed over for an answer after it expired starts no deposit there
        if (Date.parse(command.expiresAt) > Date.now()) this.site?.commandSeen(command.compartmentId);
        this.executor
          .handle(command)
          .catch((error: unknown) =>
            this.log.error(
              { commandId: command.id, error: (error as Error).message },
              'command handling failed',
            ),
          );
        // Logged once its journal line and relay write are under way (with the board connected
        // they wait on no I/O): a person waits at the door, and a line to stdout is a write.
        setImmediate(() =>
          this.log.info(
            {
              commandId: command.id,
              compartmentId: command.compartmentId,
              expiresAt: command.expiresAt,
              receivedAt,
            },
            'command received',
          ),
        );
      },
    });
    this.link.on('state', (state) => this.onLinkState(state));
  }

  /** The server link's state. */
  get linkState(): LinkState {
    return this.link.state;
  }

  /** The config last fetched from the server. */
  get currentSetup(): GatewaySetup | null {
    return this.setup;
  }

  /**
   * Connects to the server (and, once it has the config, to every controller). With the site
   * path, the set-up saved before a restart drives the locks and doors until the server answers.
   */
  start(): void {
    const saved = this.site?.savedSetup;
    if (saved && !this.setup) this.apply(saved);
    if (this.site) {
      this.siteHttp = startSiteHttp(this.site, {
        host: this.config.siteHost,
        port: this.config.sitePort ?? 0,
        corsOrigins: this.config.siteCorsOrigins,
        log: this.log,
      });
      this.siteHttp.catch((error: unknown) =>
        this.log.error({ error: (error as Error).message }, 'site path could not listen'),
      );
      // Changes that move no session (a compartment taken out of service) reach the replica too.
      this.replicaTimer = setInterval(() => {
        if (this.link.state.kind === 'connected') this.site?.changed();
      }, REPLICA_REFRESH_MS);
      this.replicaTimer.unref();
    }
    this.link.start();
  }

  /** The site path's port once it listens (null without the site path). */
  async sitePathPort(): Promise<number | null> {
    return this.siteHttp ? (await this.siteHttp).port : null;
  }

  /** Graceful stop: no new commands, finish pulses under way, last reports, close links. */
  async stop(): Promise<void> {
    await this.link.stop();
    await this.executor.drain();
    await this.poller.stop();
    await this.reporter.flush().catch(() => undefined);
    this.reporter.stop();
    await this.outbox.stop();
    if (this.siteHttp) await (await this.siteHttp.catch(() => null))?.close();
    if (this.replicaTimer) clearInterval(this.replicaTimer);
    this.site?.stop();
    await this.pool.close();
    this.store.close();
    this.journal?.close();
  }

  private onLinkState(state: LinkState): void {
    if (state.kind === 'connected') void this.onLinkUp();
    else {
      if (this.reporter.isOnline) this.linkDownSince = Date.now();
      this.reporter.linkDown();
    }
  }

  /** Fetches the config (it may have changed while away), then sends the full door state. */
  private async onLinkUp(): Promise<void> {
    for (let attempt = 1; this.link.state.kind === 'connected'; attempt++) {
      try {
        const setup = await this.api.fetchConfig();
        this.apply(setup);
        break;
      } catch (error) {
        this.log.error({ error: (error as Error).message }, 'gatewayConfig failed');
        if (!isTransportError(error) && attempt > 3) break;
        await sleep(Math.min(5000, 200 * 2 ** attempt));
      }
    }
    // Offline events first: the door readings of the outage are judged against them.
    if (this.site) await this.site.reconnected();
    if (this.link.state.kind === 'connected') this.reporter.linkUp();
  }

  private apply(setup: GatewaySetup): void {
    this.setup = setup;
    this.site?.setupApplied(setup);
    this.pool.setLayout(setup.compartments, setup.banks);
    this.poller.setCompartments(setup.compartments);
    this.log.info(
      { gateway: setup.gateway.name, compartments: setup.compartments.length, pulseMs: setup.pulseMs },
      'gateway config applied',
    );
  }
}
