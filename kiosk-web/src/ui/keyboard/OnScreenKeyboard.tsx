import { type PointerEvent } from 'react';
import { LAYOUTS, type KeyboardLayout } from './layouts';

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
}: {
  layout: KeyboardLayout;
  label: string;
  onKey: (text: string) => void;
  onBackspace: () => void;
  onDone: () => void;
  backspaceLabel: string;
  doneLabel: string;
}) {
  return (
    <div className={`osk osk-${layout}`} role="group" aria-label={label}>
      {LAYOUTS[layout].map((row, i) => (
        <div className="osk-row" key={i}>
          {row.map((k) => (
            <button key={k} type="button" className="osk-key" tabIndex={-1} onPointerDown={keep} onClick={() => onKey(k)}>
              {k}
            </button>
          ))}
          {i === LAYOUTS[layout].length - 1 ? (
            <>
              <button type="button" className="osk-key wide" tabIndex={-1} aria-label={backspaceLabel} onPointerDown={keep} onClick={onBackspace}>
                ⌫
              </button>
              <button type="button" className="osk-key wide done" tabIndex={-1} onPointerDown={keep} onClick={onDone}>
                {doneLabel}
              </button>
            </>
          ) : null}
        </div>
      ))}
    </div>
  );
}
