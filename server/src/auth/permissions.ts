import type { Role } from '../entities/roles.js';

/**
 * Everything a caller may be allowed to do. API-key scopes are the `*:read` and
 * `events:subscribe` permissions by name; roles and devices map to sets below.
 */
export const PERMISSIONS = [
  'sites:read',
  'sessions:read',
  'sessions:write', // end sessions, pay for them at the desk
  'sessions:code', // regenerate a session's access code (whoever holds it opens the locker): people only, never a key
  'alerts:read',
  'alerts:write',
  'compartments:operate', // remote open, out of service
  'reports:read',
  'audit:read', // the audit log: OPERATOR sees its sites' entries, ADMIN also the accounts'
  'events:subscribe',
  'setup:write', // sites, banks, tariffs, devices
  'users:write',
  'keys:write',
  'integrations:write', // outbound webhook endpoints and their deliveries
  'payments:refund',
  'payments:approve-demo', // the demo provider's card answer: the kiosk's payment step, or an ADMIN
  'depositor:act', // issue, scan, assistance, recovery, feedback, pay at a kiosk
  'gateway:act', // gateway config, commands, acks, door reports
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The scopes an API key may carry. */
export const API_KEY_SCOPES: readonly Permission[] = [
  'sites:read',
  'sessions:read',
  'sessions:write',
  'alerts:read',
  'reports:read',
  'events:subscribe',
];

const READ: Permission[] = ['sites:read', 'sessions:read', 'alerts:read', 'reports:read', 'events:subscribe'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  ADMIN: new Set<Permission>([...PERMISSIONS.filter((p) => p !== 'gateway:act' && p !== 'depositor:act')]),
  OPERATOR: new Set<Permission>([
    ...READ,
    'sessions:write',
    'sessions:code',
    'alerts:write',
    'compartments:operate',
    'audit:read',
  ]),
  VIEWER: new Set<Permission>(READ),
};

export const KIOSK_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  'depositor:act',
  'sites:read',
  'payments:approve-demo',
]);
export const GATEWAY_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(['gateway:act']);
