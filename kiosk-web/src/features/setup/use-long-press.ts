import { useCallback, useRef } from 'react';

/**
 * Pointer handlers that call `onLongPress` after the pointer stays down for `ms`
 * (how staff reopen the set-up screen on a kiosk with no keyboard).
 */
export function useLongPress(onLongPress: () => void, ms = 3000) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  const start = useCallback(() => {
    cancel();
    timer.current = setTimeout(onLongPress, ms);
  }, [cancel, onLongPress, ms]);
  return { onPointerDown: start, onPointerUp: cancel, onPointerLeave: cancel, onPointerCancel: cancel };
}
