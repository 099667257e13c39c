/** The server link's life, as a discriminated union. */
export type LinkState =
  | { kind: 'idle' }
  | { kind: 'connecting'; attempt: number; since: number }
  | { kind: 'connected'; since: number }
  | { kind: 'backoff'; attempt: number; retryAt: number; error: string }
  | { kind: 'stopped' };
