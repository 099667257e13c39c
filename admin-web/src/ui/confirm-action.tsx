// A button for an action that cannot be undone lightly: asks once, inline, before it runs.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../api/errors';

interface Props {
  /** Button text, e.g. "Delete". */
  label: string;
  /** What will happen, shown with the confirm button. */
  question: ReactNode;
  /** Runs the action; a rejection is shown beside the buttons. */
  onConfirm: () => Promise<unknown>;
  danger?: boolean;
}

/** A button that asks "are you sure" inline, then runs `onConfirm`. */
export function ConfirmAction({ label, question, onConfirm, danger }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // Keyboard users land back on the button when the question closes (done or cancelled).
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <span className="confirm-action">
        <button
          ref={button}
          type="button"
          className={danger ? 'danger' : undefined}
          onClick={() => setOpen(true)}
        >
          {label}
        </button>
        {error && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
      </span>
    );
  }
  return (
    <span
      className="confirm-action"
      role="group"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) setOpen(false);
      }}
    >
      <span>{question}</span>{' '}
      <button
        type="button"
        autoFocus
        className={danger ? 'danger' : 'primary'}
        disabled={busy}
        onClick={() => void confirm()}
      >
        {busy ? 'Working…' : `Confirm: ${label}`}
      </button>
      <button type="button" disabled={busy} onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}
