import { registerEnumType } from 'type-graphql';

export type SessionStatus = 'CREATED' | 'DEPOSITING' | 'STORED' | 'RETRIEVING' | 'COMPLETED' | 'CANCELLED';
export const SessionStatus = {
  CREATED: 'CREATED',
  DEPOSITING: 'DEPOSITING',
  STORED: 'STORED',
  RETRIEVING: 'RETRIEVING',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
} as const;
registerEnumType(SessionStatus, { name: 'SessionStatus' });

/** Why a session moves; each edge of the table below names the triggers allowed on it. */
export type SessionTrigger =
  | 'scan' // a depositor's scan started a door operation
  | 'door-closed' // the door opened and closed again
  | 'unlock-failed' // the gateway said FAILED (the pulse was never sent)
  | 'window-passed' // the door readings show it was not opened in time
  | 'unlock-unconfirmed' // the readings of the window have a break: whether it opened is unknown
  | 'size-changed' // the bag did not fit: the deposit starts again in a larger size
  | 'code-expired' // a CREATED session not used within the code lifetime
  | 'ended-by-staff' // an operator ended it
  | 'claimed-from-lost-property' // an abandoned bag, removed by staff, handed back against its code (or by support)
  | 'disposed'; // an abandoned bag, removed by staff, disposed of

/**
 * The storage session's state machine: the only transitions there are. Services call
 * `assertTransition`, tests read this table; an edge missing here cannot happen.
 */
export const SESSION_TRANSITIONS: Readonly<
  Record<SessionStatus, Partial<Record<SessionStatus, readonly SessionTrigger[]>>>
> = {
  CREATED: { DEPOSITING: ['scan'], CANCELLED: ['code-expired', 'ended-by-staff'] },
  DEPOSITING: {
    STORED: ['door-closed'],
    CREATED: ['unlock-failed', 'window-passed', 'unlock-unconfirmed', 'size-changed'],
    CANCELLED: ['ended-by-staff'],
  },
  STORED: { RETRIEVING: ['scan'], COMPLETED: ['ended-by-staff', 'claimed-from-lost-property', 'disposed'] },
  RETRIEVING: {
    COMPLETED: ['door-closed', 'ended-by-staff'],
    STORED: ['door-closed', 'unlock-failed', 'window-passed', 'unlock-unconfirmed'],
  },
  COMPLETED: {},
  CANCELLED: {},
};

/** Sessions that hold a compartment (the partial unique index in the database mirrors this). */
export const OPEN_STATUSES: readonly SessionStatus[] = ['DEPOSITING', 'STORED', 'RETRIEVING'];
/** A door operation is under way: a further scan answers BUSY. */
export const DOOR_OPERATION_STATUSES: readonly SessionStatus[] = ['DEPOSITING', 'RETRIEVING'];

export function canTransition(from: SessionStatus, to: SessionStatus, trigger: SessionTrigger): boolean {
  return SESSION_TRANSITIONS[from][to]?.includes(trigger) ?? false;
}

export function assertTransition(from: SessionStatus, to: SessionStatus, trigger: SessionTrigger): void {
  if (!canTransition(from, to, trigger)) {
    throw new Error(`Illegal session transition ${from} -> ${to} on ${trigger}`);
  }
}
