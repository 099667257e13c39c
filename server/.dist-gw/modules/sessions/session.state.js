import { registerEnumType } from 'type-graphql';
export const SessionStatus = {
    CREATED: 'CREATED',
    DEPOSITING: 'DEPOSITING',
    STORED: 'STORED',
    RETRIEVING: 'RETRIEVING',
    COMPLETED: 'COMPLETED',
    CANCELLED: 'CANCELLED',
};
registerEnumType(SessionStatus, { name: 'SessionStatus' });
/**
 * The storage session's state machine: the only transitions there are. Services call
 * `assertTransition`, tests read this table; an edge missing here cannot happen.
 */
export const SESSION_TRANSITIONS = {
    CREATED: { DEPOSITING: ['scan'], CANCELLED: ['code-expired', 'ended-by-staff'] },
    DEPOSITING: {
        STORED: ['door-closed'],
        CREATED: ['unlock-failed', 'window-passed'],
        CANCELLED: ['ended-by-staff'],
    },
    STORED: { RETRIEVING: ['scan'], COMPLETED: ['ended-by-staff'] },
    RETRIEVING: {
        COMPLETED: ['door-closed', 'ended-by-staff'],
        STORED: ['door-closed', 'unlock-failed', 'window-passed'],
    },
    COMPLETED: {},
    CANCELLED: {},
};
/** Sessions that hold a compartment (the partial unique index in the database mirrors this). */
export const OPEN_STATUSES = ['DEPOSITING', 'STORED', 'RETRIEVING'];
/** A door operation is under way: a further scan answers BUSY. */
export const DOOR_OPERATION_STATUSES = ['DEPOSITING', 'RETRIEVING'];
export function canTransition(from, to, trigger) {
    return SESSION_TRANSITIONS[from][to]?.includes(trigger) ?? false;
}
export function assertTransition(from, to, trigger) {
    if (!canTransition(from, to, trigger)) {
        throw new Error(`Illegal session transition ${from} -> ${to} on ${trigger}`);
    }
}
//# sourceMappingURL=session.state.js.map