import { resolve } from 'node:path';
/** The secret-bearing keys; the logger redacts them wherever they appear. */
export const SECRET_CONFIG_KEYS = ['authSecret', 'adminPassword', 'databaseUrl', 'redisUrl', 'smtpUrl'];
export class ConfigError extends Error {
    constructor(problems) {
        super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
        this.problems = problems;
    }
}
/** Reads and validates every variable once; throws one ConfigError listing every bad value. */
export function loadConfig(env = process.env, overrides = {}) {
    const problems = [];
    const str = (name) => {
        const v = env[name]?.trim();
        return v ? v : null;
    };
    const int = (name, fallback, min, max) => {
        const raw = str(name);
        if (raw === null)
            return fallback;
        const n = Number(raw);
        if (!Number.isInteger(n) || n < min || n > max) {
            problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
            return fallback;
        }
        return n;
    };
    const bool = (name, fallback) => {
        const raw = str(name);
        if (raw === null)
            return fallback;
        if (['1', 'true', 'yes'].includes(raw.toLowerCase()))
            return true;
        if (['0', 'false', 'no'].includes(raw.toLowerCase()))
            return false;
        problems.push(`${name} must be true or false (got "${raw}")`);
        return fallback;
    };
    const url = (name, protocols) => {
        const raw = str(name);
        if (raw === null)
            return null;
        try {
            const u = new URL(raw);
            if (!protocols.includes(u.protocol))
                problems.push(`${name} must use ${protocols.join(' or ')}`);
        }
        catch {
            problems.push(`${name} is not a valid URL`);
        }
        return raw;
    };
    const nodeEnvRaw = str('NODE_ENV') ?? 'development';
    if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
        problems.push(`NODE_ENV must be development, production or test (got "${nodeEnvRaw}")`);
    }
    const nodeEnv = (['development', 'production', 'test'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development');
    const authSecret = str('AUTH_SECRET');
    if (authSecret !== null && authSecret.length < 32)
        problems.push('AUTH_SECRET must be at least 32 characters');
    if (authSecret === null && nodeEnv === 'production')
        problems.push('AUTH_SECRET is required in production');
    const adminEmail = str('ADMIN_EMAIL');
    const adminPassword = str('ADMIN_PASSWORD');
    if ((adminEmail === null) !== (adminPassword === null))
        problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together');
    if (adminEmail !== null && !/^[^@\s]+@[^@\s]+$/.test(adminEmail))
        problems.push('ADMIN_EMAIL is not an email address');
    if (adminPassword !== null && adminPassword.length < 10)
        problems.push('ADMIN_PASSWORD must be at least 10 characters');
    const logLevel = str('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'warn' : 'info');
    if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
        problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`);
    }
    const serverRoot = resolve(import.meta.dirname, '..', '..');
    const config = {
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
        corsOrigins: (str('CORS_ORIGINS') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
        logLevel,
        appsDir: str('APPS_DIR') ?? resolve(serverRoot, '..'),
        timerIntervalMs: int('TIMER_INTERVAL_MS', 500, 50, 60_000),
        smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
        mailFrom: str('MAIL_FROM') ?? 'Lockers <no-reply@lockers.local>',
        limits: {
            failedScansPerMinute: int('RATE_LIMIT_FAILED_SCANS', 10, 1, 100_000),
            loginsPerMinute: int('RATE_LIMIT_LOGINS', 10, 1, 100_000),
            publicCallsPerMinute: int('RATE_LIMIT_PUBLIC', 30, 1, 100_000),
            maxDepth: int('GRAPHQL_MAX_DEPTH', 10, 2, 100),
            maxAliases: int('GRAPHQL_MAX_ALIASES', 30, 1, 1000),
            maxCost: int('GRAPHQL_MAX_COST', 5000, 10, 1_000_000),
            maxTokens: int('GRAPHQL_MAX_TOKENS', 2000, 100, 100_000),
            maxBodyBytes: int('MAX_BODY_BYTES', 256 * 1024, 1024, 10 * 1024 * 1024),
        },
        ...overrides,
    };
    if (problems.length > 0)
        throw new ConfigError(problems);
    return Object.freeze(config);
}
//# sourceMappingURL=config.js.map