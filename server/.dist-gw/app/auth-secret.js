import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
/**
 * AUTH_SECRET when set (required in production). In development, a random key kept in the
 * data folder, so people's tokens survive a restart without anyone configuring a secret.
 */
export function resolveAuthSecret(config) {
    if (config.authSecret)
        return config.authSecret;
    const file = join(config.dataDir, 'auth-secret');
    if (existsSync(file))
        return readFileSync(file, 'utf8').trim();
    mkdirSync(config.dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
}
//# sourceMappingURL=auth-secret.js.map