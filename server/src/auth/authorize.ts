import { forbidden, unauthenticated } from '../errors/domain-error.js';
import type { Caller } from './caller.js';
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

export function can(caller: Caller, permission: Permission, siteId?: string | null): boolean {
  if (!permissionsOf(caller).has(permission)) return false;
  const bound = boundSite(caller);
  return bound === null || siteId == null || bound === siteId;
}

/**
 * The one authorisation check. UNAUTHENTICATED when there is no credential at all,
 * FORBIDDEN when the caller lacks the permission or acts on another site.
 */
export function authorize(caller: Caller, permission: Permission, siteId?: string | null): void {
  if (caller.kind === 'anonymous') throw unauthenticated();
  if (!permissionsOf(caller).has(permission)) throw forbidden(`Requires ${permission}`);
  const bound = boundSite(caller);
  if (bound !== null && siteId != null && bound !== siteId)
    throw forbidden('This device belongs to another site');
}

export function isStaff(caller: Caller): boolean {
  return caller.kind === 'user';
}
