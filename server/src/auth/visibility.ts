import type { Caller } from './caller.js';
import { authorize, outsideSites, sitesOf } from './authorize.js';
import type { Permission } from './permissions.js';
import { forbidden } from '../errors/domain-error.js';

/**
 * The sites a caller's lists are limited to: a device sees its own site, a person or key its
 * list of sites, an unlimited one every site (null = no limit). An explicit siteId outside
 * the caller's sites is FORBIDDEN.
 */
export function siteScope(caller: Caller, requested: string | null | undefined): string[] | null {
  const sites = sitesOf(caller);
  if (requested && sites !== null && !sites.includes(requested)) throw outsideSites(caller);
  if (requested) return [requested];
  return sites === null ? null : [...sites];
}

/**
 * For reads that take one site or all of them (the reports): the site asked for, or, for a
 * caller limited to exactly one site, that site. A caller limited to several must name one:
 * a network-wide figure would count sites it may not see (FORBIDDEN).
 */
export function oneSiteScope(
  caller: Caller,
  permission: Permission,
  requested: string | null,
): string | null {
  authorize(caller, permission, requested);
  if (requested) return requested;
  const sites = sitesOf(caller);
  if (sites === null) return null;
  if (sites.length === 1) return sites[0]!;
  throw forbidden('Name one of your sites: a report across all sites needs the right to all sites');
}
