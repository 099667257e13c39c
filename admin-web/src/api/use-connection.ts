import { useSyncExternalStore } from 'react';
import { useAuth } from '../features/auth/auth-context';
import type { ConnectionState } from './connection-state';

/** The live link's state; re-renders on change. */
export function useConnection(): ConnectionState {
  const { session } = useAuth();
  return useSyncExternalStore(session.connection.subscribe, session.connection.getSnapshot);
}
