/**
 * The whole system, started the way a site runs it: server (with its database), demo
 * seed, simulator, gateway. Used by scripts/start-all.mjs, the e2e harness, the benchmark,
 * the fault-injection suite and the gateway's system tests. Every piece is a child process
 * except, on request, the simulator (tests and the benchmark want its events in-process:
 * they pass the function that starts it, so this package needs none of the gateway's code).
 */
import fs from 'node:fs';
import path from 'node:path';
import { run, startChild, waitForHttp, type Child, type OutputSink } from './child.js';
import { createScratchDatabase, type ScratchDatabase } from './database.js';
import { freePort } from './ports.js';
import { startHaproxy } from './haproxy.js';

/**
 * The server's Node flags, as in its `start` script. Node 22+ sizes V8's young generation
 * from the heap limit (64 MB on this machine's 4 GB default); 16 MB semi-spaces, Node 20's
 * default, keep a server holding a thousand subscribed dashboards well under its memory goal
 * (fan-out peak 304 -> 228 MB) with no loss of delivery latency. See README, Performance.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=16'];

/** What `server/dist/cli.js seed-demo` prints. */
export interface DemoSeed {
  siteId: string;
  kioskToken: string;
  gatewayToken: string;
  kioskId: string;
  gatewayId: string;
  adminEmail: string;
  adminPassword: string;
}

/** What an in-process simulator is started with (the same as the simulator CLI's env). */
export interface InProcessSimulatorOptions {
  modbusPort: number;
  httpPort: number;
  autoCloseMs: number | null;
  /** A board profile name of the simulator (`SIM_PROFILE`). */
  profile: string;
  ncInputs: boolean;
}

/** An in-process simulator as the launcher sees it: something to stop. */
export interface InProcessSimulator {
  stop(): Promise<void>;
}

/** Options of a stack; every port defaults to a free one. */
export interface StackOptions<S extends InProcessSimulator = InProcessSimulator> {
  /** The workspace root (holds server/, lock-gateway/). */
  rootDir: string;
  /** 'scratch': fresh local database (embedded fallback); 'embedded': server's own; or a URL. */
  database: 'scratch' | 'embedded' | { url: string };
  /** Data dir for embedded PostgreSQL and the seed file. */
  dataDir: string;
  serverPort?: number;
  simModbusPort?: number;
  simHttpPort?: number;
  /** Run the simulator in this process with this function (its events visible to the caller). */
  simInProcess?: (options: InProcessSimulatorOptions) => Promise<S>;
  /** Start a gateway process (false: the caller runs one, e.g. in-process). */
  gateway?: boolean;
  /** Reuse `<dataDir>/demo.json` when it exists instead of seeding again. */
  reuseSeed?: boolean;
  simAutoCloseMs?: number | null;
  /** Which board the simulator is (its `SIM_PROFILE`; default flash-ms) and whether its door sensors are NC. */
  simProfile?: string;
  simNcInputs?: boolean;
  output: (name: string) => OutputSink;
  /** Extra env for the server (e.g. faster timers in tests). */
  serverEnv?: Record<string, string>;
  gatewayEnv?: Record<string, string>;
  /** More server instances on the same database (a fleet test: give them REDIS_URL). */
  extraServers?: number;
  /** HAProxy (deploy/haproxy/haproxy.cfg) in front of every instance; serverUrl is then its address. */
  haproxy?: { binary: string; configFile: string };
}

/** One server instance of the stack. */
export interface Replica {
  readonly url: string;
  readonly child: Child;
  /** SIGKILL: no drain, no shutdown hooks. */
  kill(): Promise<void>;
  /** SIGTERM (the graceful drain), then the same instance again on its port. */
  restart(): Promise<void>;
  start(): Promise<void>;
}

/** A running stack. */
export interface Stack<S extends InProcessSimulator = InProcessSimulator> {
  serverUrl: string;
  graphqlUrl: string;
  databaseUrl: string | null;
  seed: DemoSeed;
  simEndpoint: string;
  simControlUrl: string;
  /** Set when the simulator runs in-process. */
  sim: S | null;
  server: Child;
  /** Every instance: [0] is `server`, then the extra ones. */
  replicas: Replica[];
  gateway: Child | null;
  /** Stops and starts the server again on the same port and database. */
  restartServer(): Promise<void>;
  stop(): Promise<void>;
}

const ADMIN = { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'admin-password-1' };

/** Starts server, seed, simulator and (optionally) a gateway. */
export async function startStack<S extends InProcessSimulator = InProcessSimulator>(
  options: StackOptions<S>,
): Promise<Stack<S>> {
  const serverDir = path.join(options.rootDir, 'server');
  const gatewayDir = path.join(options.rootDir, 'lock-gateway');
  for (const file of [path.join(serverDir, 'dist/main.js'), path.join(serverDir, 'dist/cli.js')]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: build the server first (pnpm -r build)`);
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const cleanups: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  };
  try {
    let db: ScratchDatabase = { url: null, drop: () => Promise.resolve() };
    if (options.database === 'scratch') db = await createScratchDatabase('e2e');
    else if (options.database !== 'embedded')
      db = { url: options.database.url, drop: () => Promise.resolve() };
    cleanups.push(() => db.drop());

    const simModbusPort = options.simModbusPort ?? (await freePort());
    const simHttpPort = options.simHttpPort ?? (await freePort());
    let sim: S | null = null;
    if (options.simInProcess) {
      sim = await options.simInProcess({
        modbusPort: simModbusPort,
        httpPort: simHttpPort,
        autoCloseMs: options.simAutoCloseMs ?? null,
        profile: options.simProfile ?? 'flash-ms',
        ncInputs: options.simNcInputs ?? false,
      });
      const s = sim;
      cleanups.push(() => s.stop());
    } else {
      const simChild = startChild('simulator', process.execPath, ['dist/simulator/cli/sim-main.js'], {
        cwd: gatewayDir,
        env: {
          SIM_MODBUS_PORT: String(simModbusPort),
          SIM_HTTP_PORT: String(simHttpPort),
          SIM_UNITS: '1,2',
          SIM_COILS: '12',
          SIM_INPUTS: '12',
          SIM_AUTO_CLOSE_MS: options.simAutoCloseMs ? String(options.simAutoCloseMs) : '',
          SIM_PROFILE: options.simProfile ?? 'flash-ms',
          SIM_NC_INPUTS: options.simNcInputs ? '1' : '',
        },
        output: options.output('simulator'),
      });
      cleanups.push(() => simChild.stop());
      await waitForHttp(`http://127.0.0.1:${simHttpPort}/state`, simChild, 10_000);
    }
    const simEndpoint = `tcp://127.0.0.1:${simModbusPort}`;

    const serverPort = options.serverPort ?? (await freePort());
    const serverEnv: Record<string, string | undefined> = {
      ...ADMIN,
      PORT: String(serverPort),
      DATABASE_URL: db.url ?? undefined,
      DATA_DIR: options.dataDir,
      // Embedded PostgreSQL (no database URL): its own port, so runs side by side never collide.
      EMBEDDED_PG_PORT: db.url
        ? undefined
        : String(
            options.database === 'embedded' && process.env.EMBEDDED_PG_PORT
              ? process.env.EMBEDDED_PG_PORT
              : await freePort(),
          ),
      SIM_MODBUS_ENDPOINT: simEndpoint,
      ...options.serverEnv,
    };
    const launchServer = async (port = serverPort, name = 'server'): Promise<Child> => {
      const child = startChild(name, process.execPath, [...SERVER_NODE_FLAGS, 'dist/main.js'], {
        cwd: serverDir,
        env: { ...serverEnv, PORT: String(port) },
        output: options.output(name),
      });
      await waitForHttp(`http://127.0.0.1:${port}/readyz`, child, 60_000);
      return child;
    };
    // Seed before the server starts: with embedded PostgreSQL the CLI runs its own instance
    // on the same data dir, which must not be in use.
    const seedFile = path.join(options.dataDir, 'demo.json');
    if (!(options.reuseSeed && fs.existsSync(seedFile))) {
      await run(process.execPath, ['dist/cli.js', 'seed-demo', '--out', seedFile], {
        cwd: serverDir,
        env: serverEnv,
      });
    }
    const seed = JSON.parse(fs.readFileSync(seedFile, 'utf8')) as DemoSeed;
    const replicas: Replica[] = [];
    for (let i = 0; i <= (options.extraServers ?? 0); i++) {
      const port = i === 0 ? serverPort : await freePort();
      const name = i === 0 ? 'server' : `server-${i + 1}`;
      let child = await launchServer(port, name);
      const replica: Replica = {
        url: `http://127.0.0.1:${port}`,
        get child() {
          return child;
        },
        async kill() {
          child.process.kill('SIGKILL');
          await child.exited;
        },
        async start() {
          child = await launchServer(port, name);
        },
        async restart() {
          await child.stop(30_000);
          child = await launchServer(port, name);
        },
      };
      replicas.push(replica);
      cleanups.push(() => replica.child.stop());
    }

    let serverUrl = `http://127.0.0.1:${serverPort}`;
    if (options.haproxy) {
      const lbPort = await freePort();
      const lb = await startHaproxy(
        options.haproxy,
        lbPort,
        replicas.map((r) => r.url),
        options.output('haproxy'),
      );
      cleanups.push(() => lb.stop());
      serverUrl = `http://127.0.0.1:${lbPort}`;
    }

    let gateway: Child | null = null;
    if (options.gateway !== false) {
      const g = startChild('gateway', process.execPath, ['dist/cli/gateway-main.js'], {
        cwd: gatewayDir,
        env: {
          GATEWAY_SERVER_URL: serverUrl,
          GATEWAY_TOKEN: seed.gatewayToken,
          GATEWAY_STATE_DIR: path.join(options.dataDir, 'gateway-state'),
          ...options.gatewayEnv,
        },
        output: options.output('gateway'),
      });
      gateway = g;
      cleanups.push(() => g.stop());
    }

    return {
      serverUrl,
      graphqlUrl: `${serverUrl}/graphql`,
      databaseUrl: db.url,
      seed,
      simEndpoint,
      simControlUrl: `http://127.0.0.1:${simHttpPort}`,
      sim,
      get server() {
        return replicas[0]!.child;
      },
      replicas,
      gateway,
      async restartServer() {
        await replicas[0]!.child.stop();
        await replicas[0]!.start();
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
