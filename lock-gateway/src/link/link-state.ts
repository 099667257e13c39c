import type { TransitionTable } from '../shared/state-machine.js';

/** The server link's life, as a discriminated union. */
export type LinkState =
  | { kind: 'idle' }
  | { kind: 'connecting'; attempt: number; since: number }
  | { kind: 'connected'; since: number }
  | { kind: 'backoff'; attempt: number; retryAt: number; error: string }
  | { kind: 'stopped' };

/** Every move the server link may make. */
export const LINK_TRANSITIONS: TransitionTable<LinkState['kind']> = {
  idle: ['connecting', 'stopped'],
  connecting: ['connected', 'backoff', 'stopped'],
  connected: ['backoff', 'stopped'],
  backoff: ['connecting', 'stopped'],
  stopped: [],
};
