import { registerEnumType } from 'type-graphql';
export const AlertType = {
    OVERDUE: 'OVERDUE',
    SECURITY_ESCALATION: 'SECURITY_ESCALATION',
    UNLOCK_FAILED: 'UNLOCK_FAILED',
    DOOR_FORCED: 'DOOR_FORCED',
    DOOR_LEFT_OPEN: 'DOOR_LEFT_OPEN',
    GATEWAY_OFFLINE: 'GATEWAY_OFFLINE',
    ASSISTANCE_REQUESTED: 'ASSISTANCE_REQUESTED',
};
registerEnumType(AlertType, { name: 'AlertType' });
//# sourceMappingURL=alert.enums.js.map