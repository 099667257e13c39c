import type { Role } from '../entities/roles.js';
import type { Permission } from './permissions.js';
import type { AuditActor } from '../entities/audit-entry.entity.js';

/**
 * The sites a person or an API key may see and act on: null for all sites (every ADMIN), or
 * a list. Read with the credential, like the role, so a change applies to the next request.
 */
export type SiteList = readonly string[] | null;

/**
 * Who is calling. Every resolver authorises against this, over HTTP and WebSocket alike.
 * A device calling with the token a rotation replaced carries when that token's grace ends
 * (`tokenValidUntil`, ms since the epoch): its connections are closed then.
 */
export type Caller =
  | { kind: 'anonymous'; ip: string }
  | { kind: 'user'; ip: string; userId: string; email: string; role: Role; sites: SiteList }
  | { kind: 'kiosk'; ip: string; kioskId: string; siteId: string; tokenValidUntil?: number }
  | { kind: 'gateway'; ip: string; gatewayId: string; siteId: string; tokenValidUntil?: number }
  | { kind: 'apiKey'; ip: string; keyId: string; scopes: ReadonlySet<Permission>; sites: SiteList };

/** How the audit trail names a caller. */
export function actorName(caller: Caller): string {
  switch (caller.kind) {
    case 'anonymous':
      return `public:${caller.ip}`;
    case 'user':
      return `user:${caller.email}`;
    case 'kiosk':
      return `kiosk:${caller.kioskId}`;
    case 'gateway':
      return `gateway:${caller.gatewayId}`;
    case 'apiKey':
      return `api-key:${caller.keyId}`;
  }
}

/** The caller as the audit log records it (its name is looked up when the entry is written). */
export function auditActor(caller: Caller): AuditActor {
  switch (caller.kind) {
    case 'anonymous':
      return { kind: 'public', id: null };
    case 'user':
      return { kind: 'user', id: caller.userId };
    case 'kiosk':
      return { kind: 'kiosk', id: caller.kioskId };
    case 'gateway':
      return { kind: 'gateway', id: caller.gatewayId };
    case 'apiKey':
      return { kind: 'apiKey', id: caller.keyId };
  }
}
