import { useState, type PointerEvent } from 'react';
import { HAS_SHIFT, LAYOUTS, type KeyboardLayout } from './layouts';

// Keys act on pointer down and cancel the default, so the text field keeps its focus.
const keep = (e: PointerEvent) => e.preventDefault();

/** A touch keyboard for one text field: types keys, deletes, and says when it is done. */
export function OnScreenKeyboard({
  layout,
  label,
  onKey,
  onBackspace,
  onDone,
  backspaceLabel,
  doneLabel,
  shiftLabel,
}: {
  layout: KeyboardLayout;
  label: string;
  onKey: (text: string) => void;
  onBackspace: () => void;
  onDone: () => void;
  backspaceLabel: string;
  doneLabel: string;
  shiftLabel: string;
}) {
  const [shift, setShift] = useState(false);
  const shown = (k: string) => (shift ? k.toUpperCase() : k);
  return (
    <div className={`osk osk-${layout}`} role="group" aria-label={label}>
      {LAYOUTS[layout].map((row, i) => (
        <div className="osk-row" key={i}>
          {row.map((k) => (
            <button
              key={k}
              type="button"
              className="osk-key"
              tabIndex={-1}
              onPointerDown={keep}
              onClick={() => onKey(shown(k))}
            >
              {shown(k)}
            </button>
          ))}
          {i === LAYOUTS[layout].length - 1 ? (
            <>
              {HAS_SHIFT.has(layout) ? (
                <button
                  type="button"
                  className="osk-key wide"
                  tabIndex={-1}
                  aria-pressed={shift}
                  aria-label={shiftLabel}
                  onPointerDown={keep}
                  onClick={() => setShift((v) => !v)}
                >
                  ⇧
                </button>
              ) : null}
              <button
                type="button"
                className="osk-key wide"
                tabIndex={-1}
                aria-label={backspaceLabel}
                onPointerDown={keep}
                onClick={onBackspace}
              >
                ⌫
              </button>
              <button
                type="button"
                className="osk-key wide done"
                tabIndex={-1}
                onPointerDown={keep}
                onClick={onDone}
              >
                {doneLabel}
              </button>
            </>
          ) : null}
        </div>
      ))}
    </div>
  );
}
