import { useCallback, useRef, useState } from 'react';
import { errorCode, type ApiErrorCode } from './errors';

/** State of one user action that talks to the server. */
export interface Submit<A extends unknown[], R> {
  /** Runs the action unless one is already running (a double tap is ignored). */
  run: (...args: A) => Promise<R | undefined>;
  busy: boolean;
  error: ApiErrorCode | null;
  clearError: () => void;
}

/**
 * Wraps a mutation so a screen can disable its buttons while it is in flight and show one error
 * code when it fails. The ref guard catches a second tap that lands before React re-renders.
 */
export function useSubmit<A extends unknown[], R>(action: (...args: A) => Promise<R>): Submit<A, R> {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorCode | null>(null);
  const run = useCallback(
    async (...args: A) => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setBusy(true);
      setError(null);
      try {
        return await action(...args);
      } catch (e) {
        setError(errorCode(e));
        return undefined;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [action],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
