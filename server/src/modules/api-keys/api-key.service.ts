import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyEntity } from '../../entities/api-key.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { API_KEY_PREFIX, newSecret, sha256 } from '../../auth/secrets.js';
import { API_KEY_SCOPES, type Permission } from '../../auth/permissions.js';
import type { ApiKeyCredentials } from './api-key.types.js';
import type { Authenticator } from '../../auth/authenticate.js';
import type { Revocations } from '../../auth/revocations.js';
import { checkSiteList } from '../../auth/site-list.js';
import type { AuditActor } from '../../entities/audit-entry.entity.js';
import { recordAudit } from '../../db/audit-trail.js';

/** Third-party keys: a secret shown once, stored as a hash, limited to named scopes and maybe to some sites. */
export class ApiKeyService {
  constructor(
    private readonly em: EntityManager,
    private readonly authenticator: Authenticator,
    private readonly revocations: Revocations,
  ) {}

  /** `siteIds`: the sites the key may read and act on; null: all sites. Audited, never its secret. */
  async create(
    name: string,
    scopes: string[],
    siteIds: readonly string[] | null,
    by: AuditActor,
  ): Promise<ApiKeyCredentials> {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 120)
      throw badInput('name', 'name must be 1 to 120 characters');
    if (scopes.length === 0) throw badInput('scopes', 'a key needs at least one scope');
    const unknown = scopes.filter((s) => !API_KEY_SCOPES.includes(s as Permission));
    if (unknown.length > 0) {
      throw badInput(
        'scopes',
        `unknown scope ${unknown[0]!.slice(0, 40)}; scopes are ${API_KEY_SCOPES.join(', ')}`,
      );
    }
    const em = this.em.fork();
    const sites = await checkSiteList(em, siteIds);
    const secret = newSecret(API_KEY_PREFIX);
    const id = newId();
    const unique = [...new Set(scopes)];
    em.create(ApiKeyEntity, {
      id,
      name: trimmed,
      scopes: unique,
      siteIds: sites === null ? null : [...sites],
      secretHash: sha256(secret),
    } as ApiKeyEntity);
    await recordAudit(em, {
      actor: by,
      action: 'api-key.create',
      subjectType: 'apiKey',
      subjectId: id,
      summary: `Created the API key ${trimmed}`,
      after: { name: trimmed, scopes: unique, siteIds: sites },
    });
    await em.flush(); // the key and its audit entry in one transaction
    return { id, name: trimmed, scopes: unique, siteIds: sites === null ? null : [...sites], secret };
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.em.fork().find(ApiKeyEntity, {}, { orderBy: { createdAt: 'desc' } });
  }

  async revoke(id: string, by: AuditActor): Promise<ApiKeyEntity> {
    const em = this.em.fork();
    const key = await em.findOne(ApiKeyEntity, id);
    if (!key) throw notFound('API key');
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      await recordAudit(em, {
        actor: by,
        action: 'api-key.revoke',
        subjectType: 'apiKey',
        subjectId: id,
        summary: `Revoked the API key ${key.name}`,
        before: { revoked: false },
        after: { revoked: true },
      });
    }
    await em.flush();
    this.authenticator.invalidate();
    this.revocations.announce({ kind: 'apiKey', id });
    return key;
  }
}
