import { forbidden, unauthenticated, type DomainError } from '../errors/domain-error.js';
import type { Caller, SiteList } from './caller.js';
import { GATEWAY_PERMISSIONS, KIOSK_PERMISSIONS, ROLE_PERMISSIONS, type Permission } from './permissions.js';

/** The permissions a caller holds, whatever kind it is. */
export function permissionsOf(caller: Caller): ReadonlySet<Permission> {
  switch (caller.kind) {
    case 'anonymous':
      return new Set();
    case 'user':
      return ROLE_PERMISSIONS[caller.role];
    case 'kiosk':
      return KIOSK_PERMISSIONS;
    case 'gateway':
      return GATEWAY_PERMISSIONS;
    case 'apiKey':
      return caller.scopes;
  }
}

/** The site a device is bound to; null for people and keys (they are not bound to one site). */
export function boundSite(caller: Caller): string | null {
  return caller.kind === 'kiosk' || caller.kind === 'gateway' ? caller.siteId : null;
}

/**
 * The sites a caller may see and act on: a device its own, a person or key its list, null for
 * all sites (an unlimited person or key; the anonymous caller holds no right to use it with).
 */
export function sitesOf(caller: Caller): SiteList {
  const bound = boundSite(caller);
  if (bound !== null) return [bound];
  return caller.kind === 'user' || caller.kind === 'apiKey' ? caller.sites : null;
}

/** Whether the caller is limited to some sites (a device, or a person or key with a list). */
export function isSiteLimited(caller: Caller): boolean {
  return sitesOf(caller) !== null;
}

function withinSites(caller: Caller, siteId: string | null | undefined): boolean {
  const sites = sitesOf(caller);
  return sites === null || siteId == null || sites.includes(siteId);
}

export function can(caller: Caller, permission: Permission, siteId?: string | null): boolean {
  return permissionsOf(caller).has(permission) && withinSites(caller, siteId);
}

/**
 * The one authorisation check. UNAUTHENTICATED when there is no credential at all,
 * FORBIDDEN when the caller lacks the permission or acts on a site outside its own.
 * Without a siteId it checks the permission only: a read across sites then limits its rows
 * with `siteScope` (visibility.ts), an action on one thing names the thing's site here or
 * goes through `authorizeOn`.
 */
export function authorize(caller: Caller, permission: Permission, siteId?: string | null): void {
  if (caller.kind === 'anonymous') throw unauthenticated();
  if (!permissionsOf(caller).has(permission)) throw forbidden(`Requires ${permission}`);
  if (!withinSites(caller, siteId)) throw outsideSites(caller);
}

/** The FORBIDDEN of a site outside the caller's: a device's other site, or one not given to a person or key. */
export function outsideSites(caller: Caller): DomainError {
  return forbidden(
    boundSite(caller) !== null ? 'This device belongs to another site' : 'This site is not one of yours',
  );
}

/**
 * `authorize` for an action on one thing known by id: the thing's site is looked up
 * (`siteOf`, null when there is no such thing: the service then answers NOT_FOUND) only for
 * a caller limited to some sites, so an unlimited one pays no extra read.
 */
export async function authorizeOn(
  caller: Caller,
  permission: Permission,
  siteOf: () => Promise<string | null>,
): Promise<void> {
  authorize(caller, permission);
  if (isSiteLimited(caller)) authorize(caller, permission, await siteOf());
}

export function isStaff(caller: Caller): boolean {
  return caller.kind === 'user';
}
