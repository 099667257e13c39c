import { registerEnumType } from 'type-graphql';
export const DoorEventType = {
    UNLOCK_REQUESTED: 'UNLOCK_REQUESTED',
    UNLOCKED: 'UNLOCKED',
    UNLOCK_FAILED: 'UNLOCK_FAILED',
    OPENED: 'OPENED',
    CLOSED: 'CLOSED',
    FORCED_OPEN: 'FORCED_OPEN',
    LEFT_OPEN: 'LEFT_OPEN',
};
registerEnumType(DoorEventType, { name: 'DoorEventType' });
//# sourceMappingURL=door-event.enums.js.map