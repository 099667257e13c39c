import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../entities/roles.js';
import { badInput } from '../errors/domain-error.js';
import { parseId } from '../shared/ids.js';
import type { SiteList } from './caller.js';

/** More sites than a network has is a mistake, not a scope. */
const MAX_SITES = 1000;

/**
 * Checks the sites an ADMIN gives a person or an API key: null (or omitted) is all sites; a
 * list must be non-empty, of ids of sites that exist and are not retired. Duplicates are
 * dropped and the list is sorted, so before/after in the audit log compare as sets.
 */
export async function checkSiteList(
  em: EntityManager,
  siteIds: readonly string[] | null | undefined,
): Promise<SiteList> {
  if (siteIds == null) return null;
  if (siteIds.length === 0) throw badInput('siteIds', 'choose at least one site, or all sites (no list)');
  if (siteIds.length > MAX_SITES) throw badInput('siteIds', `at most ${MAX_SITES} sites`);
  const ids = [...new Set(siteIds.map((id) => parseId(id, 'siteIds').toLowerCase()))].sort();
  const rows = await em
    .getConnection()
    .execute<{ id: string }[]>('select id from site where id in (?) and retired_at is null', [ids]);
  if (rows.length !== ids.length) throw badInput('siteIds', 'a chosen site does not exist');
  return ids;
}

/** The rule: an ADMIN runs the whole network, so only an OPERATOR or VIEWER can be limited. */
export function checkRoleSites(role: Role, sites: SiteList): void {
  if (role === 'ADMIN' && sites !== null)
    throw badInput('siteIds', 'an ADMIN is always all sites; limit an OPERATOR or VIEWER instead');
}
