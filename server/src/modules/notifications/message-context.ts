import type { EntityManager } from '@mikro-orm/postgresql';
import { SiteEntity } from '../../entities/site.entity.js';
import type { StorageSessionEntity } from '../../entities/session.entity.js';
import type { MessageContext } from './depositor-messages.js';
import { localSiteName } from '../../shared/site-names.js';

/** The depositor's language with their site's name (in that language) and time zone, for a message about `s`. */
export async function messageContext(
  tx: EntityManager,
  s: Pick<StorageSessionEntity, 'siteId' | 'language'>,
): Promise<MessageContext> {
  const site = await tx.findOneOrFail(SiteEntity, s.siteId);
  return { language: s.language, siteName: localSiteName(site, s.language), timezone: site.timezone };
}
