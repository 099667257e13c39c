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

/** Delay before reconnect attempt `attempt` (1-based): exponential with jitter, capped. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
  // Jitter spreads reconnects of many gateways after a shared outage.
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
