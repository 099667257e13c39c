import type { TransitionTable } from '../shared/state-machine.js';

/** The life of one controller connection, as a discriminated union (one state at a time). */
export type ConnectionState =
  | { kind: 'idle' }
  | { kind: 'connecting'; attempt: number; since: number }
  | { kind: 'connected'; since: number }
  | { kind: 'backoff'; attempt: number; retryAt: number; error: string }
  | { kind: 'closed' };

/** Every move a controller connection may make. */
export const CONNECTION_TRANSITIONS: TransitionTable<ConnectionState['kind']> = {
  idle: ['connecting', 'closed'],
  connecting: ['connected', 'backoff', 'closed'],
  connected: ['backoff', 'closed'],
  backoff: ['connecting', 'closed'],
  closed: [],
};
