// Staff record what they found in a compartment that needed inspection: empty, an item
// found (the note says what and where it went), or out of service. The server keeps who,
// when and the note, and only then allocates the compartment again.
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { InspectionOutcome } from '../../api/generated/graphql';
import { RecordInspectionMutation } from './board.operations';

const OUTCOMES: { value: InspectionOutcome; label: string }[] = [
  { value: 'EMPTY', label: 'Empty: back in service' },
  { value: 'ITEM_FOUND', label: 'Item found and taken out: back in service' },
  { value: 'OUT_OF_SERVICE', label: 'Damaged or not working: out of service' },
];

/** The inspection form for one compartment. */
export function InspectionForm({ compartmentId, reason }: { compartmentId: string; reason: string | null }) {
  const [record] = useMutation(RecordInspectionMutation);
  const [outcome, setOutcome] = useState<InspectionOutcome>('EMPTY');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (outcome === 'ITEM_FOUND' && !note.trim()) {
      setError('Say what was found and where it went.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await record({ variables: { compartmentId, outcome, note: note.trim() || null } });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inspection-form" onSubmit={(e) => void submit(e)} aria-label="Record inspection">
      <p className="warn" role="status">
        Needs inspection: {reason ?? 'no reason recorded'}. It is not given to anyone until you record what
        you found.
      </p>
      <fieldset>
        <legend>What did you find?</legend>
        {OUTCOMES.map((o) => (
          <label key={o.value} className="radio">
            <input
              type="radio"
              name={`${id}-outcome`}
              value={o.value}
              checked={outcome === o.value}
              onChange={() => setOutcome(o.value)}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`}>
        Note{outcome === 'ITEM_FOUND' ? ' (what, and where it went)' : ' (optional)'}
      </label>
      <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Working…' : 'Record inspection'}
      </button>
    </form>
  );
}
