// What an ADMIN or OPERATOR does with an alert not yet resolved: give it to someone, note
// what was done, acknowledge it, resolve it (the note, when typed, goes with the resolution).
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import { AcknowledgeAlertMutation } from './alerts.operations';
import {
  AddAlertNoteMutation,
  AlertAssigneesQuery,
  AssignAlertMutation,
  ResolveAlertMutation,
} from './alert-life.operations';

const MAX_NOTE = 1000;

/** The controls; `onChanged` re-reads the alert and its history. */
export function AlertActions({
  alert,
  onChanged,
}: {
  alert: { id: string; status: string; assigneeId: string | null; site: { id: string } };
  onChanged: () => Promise<unknown>;
}) {
  const { data } = useQuery(AlertAssigneesQuery, { variables: { siteId: alert.site.id } });
  const [assignee, setAssignee] = useState(alert.assigneeId ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [assign] = useMutation(AssignAlertMutation);
  const [addNote] = useMutation(AddAlertNoteMutation);
  const [acknowledge] = useMutation(AcknowledgeAlertMutation);
  const [resolve] = useMutation(ResolveAlertMutation);

  async function run(action: () => Promise<unknown>, clearNote = false) {
    setError(null);
    setBusy(true);
    try {
      await action();
      if (clearNote) setNote('');
      await onChanged();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const trimmed = note.trim();
  return (
    <section className="card" aria-labelledby="alert-actions-title">
      <h2 id="alert-actions-title">Handle</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form
        className="row"
        aria-label="Assign the alert"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => assign({ variables: { alertId: alert.id, userId: assignee || null } }));
        }}
      >
        <label>
          Assigned to{' '}
          <select value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">Nobody</option>
            {(data?.alertAssignees ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || assignee === (alert.assigneeId ?? '')}>
          Assign
        </button>
      </form>
      <label className="stack">
        Note
        <textarea
          rows={3}
          maxLength={MAX_NOTE}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby="alert-note-hint"
        />
      </label>
      <p id="alert-note-hint" className="muted">
        Up to {MAX_NOTE} characters. “Resolve” keeps the note as the resolution.
      </p>
      <div className="row">
        <button
          type="button"
          disabled={busy || !trimmed}
          onClick={() => void run(() => addNote({ variables: { alertId: alert.id, note: trimmed } }), true)}
        >
          Add note
        </button>
        {alert.status === 'OPEN' && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => acknowledge({ variables: { alertId: alert.id } }))}
          >
            Acknowledge
          </button>
        )}
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            void run(() => resolve({ variables: { alertId: alert.id, note: trimmed || null } }), true)
          }
        >
          Resolve
        </button>
      </div>
    </section>
  );
}
