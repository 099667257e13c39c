import type { Role } from '../entities/roles.js';
import type { Permission } from './permissions.js';

/** Who is calling. Every resolver authorises against this, over HTTP and WebSocket alike. */
export type Caller =
  | { kind: 'anonymous'; ip: string }
  | { kind: 'user'; ip: string; userId: string; email: string; role: Role }
  | { kind: 'kiosk'; ip: string; kioskId: string; siteId: string }
  | { kind: 'gateway'; ip: string; gatewayId: string; siteId: string }
  | { kind: 'apiKey'; ip: string; keyId: string; scopes: ReadonlySet<Permission> };

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
