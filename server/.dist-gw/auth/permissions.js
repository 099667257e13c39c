/**
 * Everything a caller may be allowed to do. API-key scopes are the `*:read` and
 * `events:subscribe` permissions by name; roles and devices map to sets below.
 */
export const PERMISSIONS = [
    'sites:read',
    'sessions:read',
    'sessions:write', // regenerate codes, end sessions
    'alerts:read',
    'alerts:write',
    'compartments:operate', // remote open, out of service
    'reports:read',
    'events:subscribe',
    'setup:write', // sites, banks, tariffs, devices
    'users:write',
    'keys:write',
    'depositor:act', // issue, scan, assistance, recovery, feedback, pay at a kiosk
    'gateway:act', // gateway config, commands, acks, door reports
];
/** The scopes an API key may carry. */
export const API_KEY_SCOPES = [
    'sites:read',
    'sessions:read',
    'sessions:write',
    'alerts:read',
    'reports:read',
    'events:subscribe',
];
const READ = ['sites:read', 'sessions:read', 'alerts:read', 'reports:read', 'events:subscribe'];
export const ROLE_PERMISSIONS = {
    ADMIN: new Set([...PERMISSIONS.filter((p) => p !== 'gateway:act' && p !== 'depositor:act')]),
    OPERATOR: new Set([...READ, 'sessions:write', 'alerts:write', 'compartments:operate']),
    VIEWER: new Set(READ),
};
export const KIOSK_PERMISSIONS = new Set(['depositor:act', 'sites:read']);
export const GATEWAY_PERMISSIONS = new Set(['gateway:act']);
//# sourceMappingURL=permissions.js.map