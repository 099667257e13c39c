import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EnvProblemsError, EnvReader, listSchema, minLengthSchema, patternSchema } from '@lockers/common/env';
import { TrustedProxies } from './client-address.js';

/** Validated, frozen server configuration. `loadConfig` is the only reader of `process.env`. */
export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** null: start an embedded PostgreSQL with its data in `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly embeddedPgPort: number;
  readonly redisUrl: string | null;
  /** HMAC key for people's tokens; a secret, never logged. */
  readonly authSecret: string | null;
  readonly tokenTtlSeconds: number;
  readonly adminEmail: string | null;
  readonly adminPassword: string | null;
  readonly seedDemo: boolean;
  readonly corsOrigins: readonly string[];
  readonly logLevel: string;
  readonly appsDir: string | null;
  readonly timerIntervalMs: number;
  /** Apply pending migrations at start (under an advisory lock); false: a migration Job does. */
  readonly migrateOnStart: boolean;
  /** Graceful drain on SIGTERM: /readyz 503 at once, new work refused after `drainGraceMs`, exit by `shutdownTimeoutMs`. */
  readonly drainGraceMs: number;
  readonly shutdownTimeoutMs: number;
  /** Prepended to every Redis key and channel, so deployments can share one Redis. */
  readonly redisPrefix: string;
  /** /metrics on a port of its own (null: on the API port, and only with `metricsToken`). */
  readonly metricsPort: number | null;
  /** A bearer token /metrics requires on the API port; a secret, never logged. */
  readonly metricsToken: string | null;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** A Twilio-compatible SMS REST API; null: SMS are only logged (LOGGED). `authToken` is a secret. */
  readonly sms: {
    readonly apiUrl: string;
    readonly accountSid: string;
    readonly authToken: string;
    readonly from: string;
  } | null;
  /** Card payments: the built-in demo provider (kiosk tap-card) or Stripe. */
  readonly paymentProvider: 'demo' | 'stripe';
  readonly stripeSecretKey: string | null;
  readonly stripeWebhookSecret: string | null;
  /** Another Stripe API base (stripe-mock, a proxy); null: api.stripe.com. */
  readonly stripeApiUrl: string | null;
  /**
   * Where phones reach this server (the phone page's QR codes and links), without a trailing
   * slash; null: the kiosk page's own origin, which is wrong when a kiosk runs from a local address.
   */
  readonly publicBaseUrl: string | null;
  /** Outbound deliveries (e-mail, SMS, webhooks) on the job queue: first retry delay, attempts, idle poll. */
  readonly delivery: {
    readonly retryDelaySeconds: number;
    readonly retryLimit: number;
    readonly pollIntervalMs: number;
    readonly webhookTimeoutMs: number;
  };
  /**
   * Days each growing kind is kept; whole month partitions older than that are dropped by the
   * timer leader (0: kept forever). Webhook attempts go with their deliveries.
   */
  readonly retentionDays: {
    readonly doorEvents: number;
    readonly sessionTransitions: number;
    readonly compartmentTransitions: number;
    readonly notifications: number;
    readonly webhookDeliveries: number;
  };
  /** Peers whose X-Forwarded-For / Forwarded headers name the client (addresses or CIDRs). */
  readonly trustedProxies: TrustedProxies;
  /** Who may introspect the schema: everyone, or only callers with a credential. */
  readonly introspection: 'everyone' | 'authenticated';
  /** Webhook URLs that resolve to loopback, private or link-local addresses are refused unless true. */
  readonly webhookAllowPrivate: boolean;
  readonly http: {
    readonly maxHeaderBytes: number;
    readonly headersTimeoutMs: number;
    readonly requestTimeoutMs: number;
  };
  readonly limits: {
    readonly failedScansPerMinute: number;
    /** Failed sign-ins per minute per account and address. */
    readonly loginsPerMinute: number;
    /** Failed sign-ins per hour per account from addresses it never signed in from. */
    readonly loginsPerAccountPerHour: number;
    readonly publicCallsPerMinute: number;
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxCost: number;
    readonly maxTokens: number;
    readonly maxBodyBytes: number;
    /** Bytes queued for one WebSocket client beyond which it is disconnected (1013). */
    readonly wsMaxBufferedBytes: number;
  };
}

/** The secret-bearing keys; the logger redacts them wherever they appear. */
export const SECRET_CONFIG_KEYS = [
  'authSecret',
  'adminPassword',
  'databaseUrl',
  'redisUrl',
  'smtpUrl',
  'sms',
  'stripeSecretKey',
  'stripeWebhookSecret',
  'metricsToken',
] as const;

/** One line per bad variable or combination; `main` and the CLI print it and exit. */
export class ConfigError extends EnvProblemsError {
  constructor(problems: readonly string[]) {
    super('Invalid configuration', problems);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates every variable once; throws one ConfigError listing every bad value. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  // NAME_FILE: the value is that file's content (Docker and Kubernetes secrets mounted as files)
  const vars = new EnvReader(env, { readFile: (file) => readFileSync(file, 'utf8') });
  const str = (name: string): string | null => vars.text(name);
  const int = (name: string, fallback: number, min: number, max: number): number =>
    vars.int(name, fallback, min, max);
  const bool = (name: string, fallback: boolean): boolean => vars.bool(name, fallback);
  const url = (name: string, protocols: string[]): string | null => vars.url(name, protocols);

  const nodeEnv = vars.oneOf('NODE_ENV', ['development', 'production', 'test'], 'development');

  const authSecret = vars.read('AUTH_SECRET', minLengthSchema(32), null, { secret: true });
  if (str('AUTH_SECRET') === null && nodeEnv === 'production')
    vars.problem('AUTH_SECRET is required in production');

  const adminEmail = vars.read('ADMIN_EMAIL', patternSchema(/^[^@\s]+@[^@\s]+$/, 'an email address'), null);
  const adminPassword = vars.read('ADMIN_PASSWORD', minLengthSchema(10), null, { secret: true });
  if ((str('ADMIN_EMAIL') === null) !== (str('ADMIN_PASSWORD') === null))
    vars.problem('ADMIN_EMAIL and ADMIN_PASSWORD go together');

  const logLevel = vars.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info', 'one of');

  const paymentProvider = vars.oneOf('PAYMENT_PROVIDER', ['demo', 'stripe'], 'demo');
  const smsAccountSid = vars.read(
    'SMS_ACCOUNT_SID',
    patternSchema(/^[A-Za-z0-9_-]{1,64}$/, '1-64 letters, digits, _ or -'),
    null,
  );
  const smsAuthToken = vars.read('SMS_AUTH_TOKEN', minLengthSchema(16), null, { secret: true });
  const smsFrom = vars.read(
    'SMS_FROM',
    patternSchema(
      /^(\+[1-9][0-9]{5,14}|[A-Za-z][A-Za-z0-9 ]{0,10}|MG[0-9a-fA-F]{32})$/,
      'a +number, an alphanumeric sender of up to 11 characters, or a messaging service SID',
    ),
    null,
  );
  const smsApiUrl = url('SMS_API_URL', ['http:', 'https:']) ?? 'https://api.twilio.com';
  const smsParts = [smsAccountSid, smsAuthToken, smsFrom].filter((v) => v !== null).length;
  if (smsParts > 0 && smsParts < 3) vars.problem('SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM go together');
  const stripeSecretKey = str('STRIPE_SECRET_KEY');
  const stripeWebhookSecret = str('STRIPE_WEBHOOK_SECRET');
  if (paymentProvider === 'stripe' && (!stripeSecretKey || !stripeWebhookSecret)) {
    vars.problem('PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
  }

  const proxies = vars.read('TRUSTED_PROXIES', listSchema(), []);
  for (const p of proxies)
    if (!TrustedProxies.valid(p)) vars.problem(`TRUSTED_PROXIES: "${p}" is not an address or CIDR`);
  const introspection = vars.oneOf(
    'GRAPHQL_INTROSPECTION',
    ['everyone', 'authenticated'],
    nodeEnv === 'production' ? 'authenticated' : 'everyone',
  );
  const metricsToken = vars.read('METRICS_TOKEN', minLengthSchema(16), null, { secret: true });
  // 0 keeps forever; otherwise at least a week, so no row still being delivered is dropped
  const retention = (name: string, fallback: number): number => {
    const days = int(name, fallback, 0, 36_500);
    if (days > 0 && days < 7) vars.problem(`${name} must be 0 (keep forever) or at least 7 (got ${days})`);
    return days;
  };

  const serverRoot = resolve(import.meta.dirname, '..', '..');
  const config: Config = {
    nodeEnv,
    host: str('HOST') ?? '0.0.0.0',
    port: int('PORT', 4000, 0, 65535),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: resolve(str('DATA_DIR') ?? resolve(serverRoot, '.data')),
    embeddedPgPort: int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    authSecret,
    tokenTtlSeconds: int('TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    adminEmail,
    adminPassword,
    seedDemo: bool('SEED_DEMO', false),
    corsOrigins: vars.read('CORS_ORIGINS', listSchema(), []),
    logLevel,
    appsDir: str('APPS_DIR') ?? resolve(serverRoot, '..'),
    timerIntervalMs: int('TIMER_INTERVAL_MS', 500, 50, 60_000),
    migrateOnStart: bool('MIGRATE_ON_START', true),
    drainGraceMs: int('DRAIN_GRACE_MS', nodeEnv === 'production' ? 5000 : 0, 0, 120_000),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 25_000, 1000, 600_000),
    redisPrefix: vars.read(
      'REDIS_PREFIX',
      patternSchema(/^[A-Za-z0-9_.:-]{1,64}$/, '1-64 letters, digits or _.:-'),
      'lockers:',
    ),
    metricsPort: str('METRICS_PORT') === null ? null : int('METRICS_PORT', 9464, 0, 65535),
    metricsToken,
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str('MAIL_FROM') ?? 'Lockers <no-reply@lockers.local>',
    sms:
      smsAccountSid && smsAuthToken && smsFrom
        ? { apiUrl: smsApiUrl, accountSid: smsAccountSid, authToken: smsAuthToken, from: smsFrom }
        : null,
    paymentProvider,
    stripeSecretKey,
    stripeWebhookSecret,
    stripeApiUrl: url('STRIPE_API_URL', ['http:', 'https:']),
    publicBaseUrl: url('PUBLIC_BASE_URL', ['http:', 'https:'])?.replace(/\/+$/, '') ?? null,
    delivery: {
      retryDelaySeconds: int('DELIVERY_RETRY_DELAY_SECONDS', 5, 1, 3600),
      retryLimit: int('DELIVERY_RETRY_LIMIT', 8, 0, 50),
      pollIntervalMs: int('QUEUE_POLL_INTERVAL_MS', 1000, 500, 60_000),
      webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    },
    retentionDays: {
      doorEvents: retention('RETENTION_DOOR_EVENTS_DAYS', 400),
      sessionTransitions: retention('RETENTION_SESSION_TRANSITIONS_DAYS', 400),
      compartmentTransitions: retention('RETENTION_COMPARTMENT_TRANSITIONS_DAYS', 400),
      notifications: retention('RETENTION_NOTIFICATIONS_DAYS', 90),
      webhookDeliveries: retention('RETENTION_WEBHOOK_DELIVERIES_DAYS', 30),
    },
    trustedProxies: new TrustedProxies(proxies.filter((p) => TrustedProxies.valid(p))),
    introspection,
    webhookAllowPrivate: bool('WEBHOOK_ALLOW_PRIVATE_ADDRESSES', false),
    http: {
      maxHeaderBytes: int('HTTP_MAX_HEADER_BYTES', 16 * 1024, 1024, 1024 * 1024),
      headersTimeoutMs: int('HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
      requestTimeoutMs: int('HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    },
    limits: {
      failedScansPerMinute: int('RATE_LIMIT_FAILED_SCANS', 10, 1, 100_000),
      loginsPerMinute: int('RATE_LIMIT_LOGINS', 10, 1, 100_000),
      loginsPerAccountPerHour: int('RATE_LIMIT_LOGINS_PER_ACCOUNT', 100, 1, 1_000_000),
      publicCallsPerMinute: int('RATE_LIMIT_PUBLIC', 30, 1, 100_000),
      maxDepth: int('GRAPHQL_MAX_DEPTH', 10, 2, 100),
      maxAliases: int('GRAPHQL_MAX_ALIASES', 30, 1, 1000),
      maxCost: int('GRAPHQL_MAX_COST', 5000, 10, 1_000_000),
      maxTokens: int('GRAPHQL_MAX_TOKENS', 2000, 100, 100_000),
      maxBodyBytes: int('MAX_BODY_BYTES', 256 * 1024, 1024, 10 * 1024 * 1024),
      wsMaxBufferedBytes: int('WS_MAX_BUFFERED_BYTES', 1024 * 1024, 16 * 1024, 64 * 1024 * 1024),
    },
    ...overrides,
  };
  if (vars.problems.length > 0) throw new ConfigError(vars.problems);
  return Object.freeze(config);
}
