import { useEffect, useRef } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Calls `onIdle` after `timeoutMs` without a touch, key or wheel event while `active`.
 * Any activity restarts the countdown; turning `active` off cancels it.
 */
export function useInactivity(timeoutMs: number, active: boolean, onIdle: () => void): void {
  const handler = useRef(onIdle);
  handler.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => handler.current(), timeoutMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => handler.current(), timeoutMs);
    };
    for (const name of ACTIVITY) window.addEventListener(name, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, restart, { capture: true });
    };
  }, [timeoutMs, active]);
}
