import { API_KEY_PREFIX, DEVICE_TOKEN_PREFIX, sha256 } from './secrets.js';
import { unauthenticated } from '../errors/domain-error.js';
const CACHE_MS = 5_000;
/**
 * Turns an `Authorization: Bearer ...` value into a Caller. Device tokens and API keys are
 * looked up by hash (cached a few seconds: every kiosk poll would otherwise cost a query);
 * people's tokens are verified by signature. A credential that is present but wrong is
 * UNAUTHENTICATED, never silently anonymous.
 */
export class Authenticator {
    constructor(em, userTokens) {
        this.em = em;
        this.userTokens = userTokens;
        this.cache = new Map();
    }
    async authenticate(authorization, ip) {
        if (!authorization)
            return { kind: 'anonymous', ip };
        const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
        if (!match?.[1])
            throw unauthenticated('Authorization must be "Bearer <token>"');
        const identity = await this.identify(match[1]);
        if (!identity)
            throw unauthenticated('The token is not valid');
        return { ...identity, ip };
    }
    /** Forget cached credentials, e.g. after an API key is revoked. */
    invalidate() {
        this.cache.clear();
    }
    async identify(token) {
        if (token.startsWith(`${DEVICE_TOKEN_PREFIX}_`) || token.startsWith(`${API_KEY_PREFIX}_`)) {
            const hash = sha256(token);
            const hit = this.cache.get(hash);
            if (hit && hit.until > Date.now())
                return hit.identity;
            const identity = await this.lookup(token, hash);
            if (identity)
                this.cache.set(hash, { identity, until: Date.now() + CACHE_MS });
            return identity;
        }
        const claims = await this.userTokens.verify(token);
        return claims ? { kind: 'user', ...claims } : null;
    }
    async lookup(token, hash) {
        const conn = this.em.getConnection();
        if (token.startsWith(`${API_KEY_PREFIX}_`)) {
            const rows = await conn.execute('select id, scopes from api_key where secret_hash = ? and revoked_at is null', [hash]);
            const row = rows[0];
            return row ? { kind: 'apiKey', keyId: row.id, scopes: new Set(row.scopes) } : null;
        }
        const rows = await conn.execute(`select 'kiosk' as kind, id, site_id from kiosk where token_hash = ?
       union all select 'gateway' as kind, id, site_id from gateway where token_hash = ?`, [hash, hash]);
        const row = rows[0];
        if (!row)
            return null;
        return row.kind === 'kiosk'
            ? { kind: 'kiosk', kioskId: row.id, siteId: row.site_id }
            : { kind: 'gateway', gatewayId: row.id, siteId: row.site_id };
    }
}
//# sourceMappingURL=authenticate.js.map