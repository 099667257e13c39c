import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller, SiteList } from './caller.js';
import { API_KEY_PREFIX, DEVICE_TOKEN_PREFIX, sha256 } from './secrets.js';
import type { UserClaims, UserTokens } from './user-tokens.js';
import type { KioskSightings } from './kiosk-sightings.js';
import type { Permission } from './permissions.js';
import { unauthenticated } from '../errors/domain-error.js';

type Resolved = Exclude<Caller, { kind: 'anonymous' }>;
type Identity = Resolved extends infer C ? (C extends { ip: string } ? Omit<C, 'ip'> : never) : never;

const CACHE_MS = 5_000;
/** Only credentials that proved valid are cached, but a flood of them must not grow memory without bound. */
const MAX_CACHED = 10_000;

/**
 * Turns an `Authorization: Bearer ...` value into a Caller. Device tokens and API keys are
 * looked up by hash (cached a few seconds: every kiosk poll would otherwise cost a query);
 * people's tokens are verified by signature, and the verified claims are cached the same few
 * seconds (never past the token's expiry) so a dashboard's polling does not pay an HMAC each
 * time. Cache keys are sha256 of the token, never the token. A credential that is present but
 * wrong is UNAUTHENTICATED, never silently anonymous.
 */
export class Authenticator {
  private readonly cache = new Map<string, { identity: Identity; until: number }>();

  constructor(
    private readonly em: EntityManager,
    private readonly userTokens: UserTokens,
    private readonly kiosks?: KioskSightings,
  ) {}

  /**
   * `clientVersion`: the x-client-version header, recorded for a kiosk (its app's version).
   * A credential cached a moment ago answers at once, without a promise: every request of a
   * polling kiosk or dashboard takes this path. A wrong credential throws (or rejects).
   */
  authenticate(
    authorization: string | undefined | null,
    ip: string,
    clientVersion?: string | null,
  ): Caller | Promise<Caller> {
    if (!authorization) return { kind: 'anonymous', ip };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const token = match?.[1];
    if (!token) throw unauthenticated('Authorization must be "Bearer <token>"');
    const hash = sha256(token);
    const hit = this.cache.get(hash);
    if (hit && hit.until > Date.now()) return this.callerOf(hit.identity, ip, clientVersion);
    return this.identify(token, hash).then((identity) => this.callerOf(identity, ip, clientVersion));
  }

  /** Forget cached credentials, e.g. after an API key is revoked. */
  invalidate(): void {
    this.cache.clear();
  }

  private callerOf(identity: Identity | null, ip: string, clientVersion?: string | null): Caller {
    if (!identity) throw unauthenticated('The token is not valid');
    if (identity.kind === 'kiosk') this.kiosks?.seen(identity.kioskId, clientVersion);
    return { ...identity, ip };
  }

  /** Looks a credential up (not cached, or its entry expired) and caches it when it is valid. */
  private async identify(token: string, hash: string): Promise<Identity | null> {
    const now = Date.now();
    let identity: Identity | null;
    let until = now + CACHE_MS;
    if (token.startsWith(`${DEVICE_TOKEN_PREFIX}_`) || token.startsWith(`${API_KEY_PREFIX}_`)) {
      identity = await this.lookup(token, hash);
      // a rotated-out token is not cached past its grace
      if (identity && 'tokenValidUntil' in identity && identity.tokenValidUntil)
        until = Math.min(until, identity.tokenValidUntil);
    } else {
      const verified = await this.userTokens.verifyWithExpiry(token);
      identity = null;
      const current = verified ? await this.userCurrent(verified.claims) : null;
      if (verified && current) {
        const { userId, email, role } = verified.claims;
        identity = { kind: 'user', userId, email, role, sites: current.sites };
      }
      if (verified) until = Math.min(until, verified.expiresAt);
    }
    if (identity) {
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      this.cache.set(hash, { identity, until });
    }
    return identity;
  }

  /**
   * A signed token is valid only while its account is active, still has the role signed into
   * it and the same token version (bumped by sign-out-everywhere, a password reset, an edit):
   * a deactivated, deleted or demoted account's tokens stop at once. Checked with the cache's
   * few seconds, and every instance drops its cache when a revocation is announced.
   * Its sites are read here too, not signed into the token: a change of them applies to the
   * next request (once the change is announced) without signing in again.
   */
  private async userCurrent(claims: UserClaims): Promise<{ sites: SiteList } | null> {
    if (!/^[0-9a-f-]{36}$/i.test(claims.userId)) return null;
    const rows = await this.em
      .getConnection()
      .execute<{ site_ids: string[] | null }[]>(
        'select site_ids from app_user where id = ? and disabled_at is null and role = ? and token_version = ?',
        [claims.userId, claims.role, claims.tokenVersion],
      );
    const row = rows[0];
    return row ? { sites: row.site_ids } : null;
  }

  private async lookup(token: string, hash: string): Promise<Identity | null> {
    const conn = this.em.getConnection();
    if (token.startsWith(`${API_KEY_PREFIX}_`)) {
      const rows = await conn.execute<{ id: string; scopes: string[]; site_ids: string[] | null }[]>(
        'select id, scopes, site_ids from api_key where secret_hash = ? and revoked_at is null',
        [hash],
      );
      const row = rows[0];
      return row
        ? { kind: 'apiKey', keyId: row.id, scopes: new Set(row.scopes as Permission[]), sites: row.site_ids }
        : null;
    }
    // the current token, or the one before the last rotation while its grace lasts
    const rows = await conn.execute<
      { kind: 'kiosk' | 'gateway'; id: string; site_id: string; until: string | Date | null }[]
    >(
      `select 'kiosk' as kind, id, site_id, null as until from kiosk where token_hash = ?
       union all select 'kiosk', id, site_id, previous_token_until from kiosk where previous_token_hash = ? and previous_token_until > now()
       union all select 'gateway', id, site_id, null from gateway where token_hash = ?
       union all select 'gateway', id, site_id, previous_token_until from gateway where previous_token_hash = ? and previous_token_until > now()`,
      [hash, hash, hash, hash],
    );
    const row = rows[0];
    if (!row) return null;
    const grace = row.until ? { tokenValidUntil: new Date(row.until).getTime() } : {};
    return row.kind === 'kiosk'
      ? { kind: 'kiosk', kioskId: row.id, siteId: row.site_id, ...grace }
      : { kind: 'gateway', gatewayId: row.id, siteId: row.site_id, ...grace };
  }
}
