// A button for an action that must be justified: it opens a small form asking for a
// reason (recorded by the server) before the action runs.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '../api/errors';

interface Props {
  /** Button text, e.g. "Open remotely". */
  label: string;
  /** Runs the action; a rejection is shown under the form. */
  onConfirm: (reason: string) => Promise<unknown>;
  /** Red button for destructive actions. */
  danger?: boolean;
  /** Let the reason be empty (the API marks it optional). */
  reasonOptional?: boolean;
  /** More of the form, shown above the reason (e.g. a choice and what it will do). */
  children?: ReactNode;
  /** Why the action cannot be taken now: the button is disabled and says why beside it. */
  unavailable?: string | null;
}

/** A button that asks for a reason, then runs `onConfirm`. */
export function ReasonAction({ label, onConfirm, danger, reasonOptional, children, unavailable }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // Keyboard users land back on the button when the form closes (done or cancelled).
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!reasonOptional && !reason.trim()) {
      setError('Please give a reason.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      setOpen(false);
      setReason('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <>
        <button
          ref={button}
          type="button"
          className={danger ? 'danger' : undefined}
          onClick={() => setOpen(true)}
          disabled={Boolean(unavailable)}
          aria-describedby={unavailable ? `${id}-unavailable` : undefined}
        >
          {label}
        </button>
        {unavailable && (
          <p id={`${id}-unavailable`} className="muted" data-testid="action-unavailable">
            {unavailable}
          </p>
        )}
      </>
    );
  }
  return (
    <form
      className="reason-form"
      onSubmit={(e) => void submit(e)}
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) setOpen(false);
      }}
    >
      {children}
      <label htmlFor={id}>Reason for “{label}”</label>
      <textarea id={id} autoFocus rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
          {busy ? 'Working…' : `Confirm: ${label}`}
        </button>
        <button type="button" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
