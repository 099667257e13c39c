/**
 * What the e2e harness (global-setup.ts) started, for the specs: read from the env
 * variables it sets, or from artifacts/e2e-env.json when a spec runs in another process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The running system under test. */
export interface HarnessEnv {
  /** Origin of the server: kiosk at /kiosk/, admin at /admin/, API at /graphql. */
  baseUrl: string;
  /** Same as baseUrl (Playwright's spelling). */
  baseURL: string;
  graphqlUrl: string;
  siteId: string;
  kioskToken: string;
  kioskId: string;
  gatewayToken: string;
  gatewayId: string;
  adminEmail: string;
  adminPassword: string;
  /** The simulator's control API (GET /doors, /pulses; POST /doors/<unit>/<input>/open|close|force|jam). */
  simControlUrl: string;
  /** The simulated controller as the seed names it (tcp://127.0.0.1:<port>). */
  simEndpoint: string;
  /** The run's database, or null when the server embeds PostgreSQL (no local PostgreSQL). */
  databaseUrl: string | null;
  /** The run's mailbox (the server sends e-mail to it over SMTP): GET <mailUrl>/messages. */
  mailUrl: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** Where the harness writes the env file and where specs put screenshots. */
export const ARTIFACTS_DIR = path.resolve(here, '../artifacts');
export const ENV_FILE = path.join(ARTIFACTS_DIR, 'e2e-env.json');
const ENV_VAR = 'E2E_HARNESS_ENV';

/** Publishes `env` to specs (this process's env, inherited by workers, and the JSON file). */
export function publishHarnessEnv(env: HarnessEnv): void {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  fs.writeFileSync(ENV_FILE, JSON.stringify(env, null, 2));
  process.env[ENV_VAR] = JSON.stringify(env);
  process.env.E2E_BASE_URL = env.baseUrl;
}

/** The running system (async for callers that prefer to await it). */
export function harnessEnv(): Promise<HarnessEnv> {
  return Promise.resolve(harnessEnvSync());
}

/** The running system; throws when the harness did not start one. */
export function harnessEnvSync(): HarnessEnv {
  const raw = process.env[ENV_VAR] ?? (fs.existsSync(ENV_FILE) ? fs.readFileSync(ENV_FILE, 'utf8') : null);
  if (!raw)
    throw new Error(
      'no e2e system: run the specs with `pnpm --filter @lockers/e2e test` (global setup starts it)',
    );
  return JSON.parse(raw) as HarnessEnv;
}
