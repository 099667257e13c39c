/** How the audit trail names a caller. */
export function actorName(caller) {
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
//# sourceMappingURL=caller.js.map