import { useEffect, useRef } from 'react';
import { WedgeDetector } from './wedge';

const TEXT_INPUTS = new Set(['text', 'email', 'tel', 'number', 'password', 'search', 'url']);

/** A field someone types into (a checkbox or a button is not: a scan there is still a scan). */
function isEditable(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type);
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/**
 * Listens on the whole window for a keyboard-wedge scanner while `enabled`. Keys typed into a text
 * field are left alone (someone is typing an email). The final Enter of a scan is swallowed so it
 * does not also press whichever button has focus.
 */
export function useKeyboardWedge(enabled: boolean, onScan: (text: string) => void): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    const detector = new WedgeDetector();
    const onKey = (e: KeyboardEvent) => {
      if (isEditable(e.target) || e.ctrlKey || e.altKey || e.metaKey) return;
      const wasScanning = detector.scanning;
      const text = detector.push(e.key, e.timeStamp || performance.now());
      if (text || (e.key === 'Enter' && wasScanning)) {
        e.preventDefault();
        e.stopPropagation();
      }
      if (text) handler.current(text);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
