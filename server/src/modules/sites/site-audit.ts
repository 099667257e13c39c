import type { EntityManager } from '@mikro-orm/postgresql';
import type { SiteEntity } from '../../entities/site.entity.js';
import type { AuditActor } from '../../entities/audit-entry.entity.js';
import { recordAudit } from '../../db/audit-trail.js';

/** The site's settings an edit can change, as the audit log keeps them. */
const AUDITED = [
  'name',
  'slug',
  'timezone',
  'codeLifetimeMinutes',
  'depositWindowSeconds',
  'leftOpenSeconds',
  'abandonAfterDays',
  'unlockAckTimeoutSeconds',
  'gatewayHeartbeatSeconds',
  'pulseMs',
  'paymentWindowSeconds',
  'accessOpensPerSession',
] as const;

type Settings = Record<(typeof AUDITED)[number], unknown>;

export function auditedSettings(site: SiteEntity): Settings {
  return Object.fromEntries(AUDITED.map((field) => [field, site[field]])) as Settings;
}

/**
 * The audit entry of a site edit, in the edit's transaction: the fields that changed, before
 * and after (an edit that changed nothing leaves no entry). Filed under the site, so an
 * OPERATOR of the site sees who changed its timers.
 */
export async function recordSiteEdit(
  tx: EntityManager,
  site: SiteEntity,
  before: Settings,
  by: AuditActor,
): Promise<void> {
  const after = auditedSettings(site);
  const changed = AUDITED.filter((field) => before[field] !== after[field]);
  if (changed.length === 0) return;
  await recordAudit(tx, {
    actor: by,
    action: 'site.update',
    siteId: site.id,
    subjectType: 'site',
    subjectId: site.id,
    summary: `Edited site ${site.name} (${changed.join(', ')})`,
    before: Object.fromEntries(changed.map((field) => [field, before[field]])),
    after: Object.fromEntries(changed.map((field) => [field, after[field]])),
  });
}
