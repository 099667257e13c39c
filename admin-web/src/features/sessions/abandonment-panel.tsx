// An abandoned bag on the session page: what was recorded (marked, removed, claimed back,
// disposed of) and, for staff who operate, the next step as a small form.
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { SessionDetailQuery } from '../../api/generated/graphql';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { errorCode, errorMessage } from '../../api/errors';
import { formatDateTime } from '../../ui/format';
import {
  RecordBagClaimMutation,
  RecordBagDisposalMutation,
  RecordBagRemovalMutation,
} from './sessions.operations';

type Session = NonNullable<SessionDetailQuery['session']>;

interface Field {
  name: string;
  label: string;
  optional?: boolean;
}

/** A button that opens a form with the given text fields, then runs `onConfirm` with their values. */
function StepForm({
  label,
  fields,
  danger,
  onConfirm,
}: {
  label: string;
  fields: Field[];
  danger?: boolean;
  onConfirm: (v: Record<string, string>) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing = fields.find((f) => !f.optional && !(values[f.name] ?? '').trim());
    if (missing) {
      setError(`Please fill in “${missing.label}”.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(Object.fromEntries(fields.map((f) => [f.name, (values[f.name] ?? '').trim()])));
      setOpen(false);
      setValues({});
    } catch (err) {
      // the server's refusals here say what to do next (e.g. the amount still due): show them
      const own =
        errorCode(err) === 'CONFLICT' && CombinedGraphQLErrors.is(err) ? err.errors[0]?.message : undefined;
      setError(own ?? errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className={danger ? 'danger' : undefined} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <form className="reason-form" aria-label={label} onSubmit={(e) => void submit(e)}>
      {fields.map((f) => (
        <div key={f.name}>
          <label htmlFor={`${id}-${f.name}`}>{f.label}</label>
          <input
            id={`${id}-${f.name}`}
            value={values[f.name] ?? ''}
            onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
          />
        </div>
      ))}
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

/** Shown once the session was marked abandoned. */
export function AbandonmentPanel({
  session: s,
  canOperate,
  onChanged,
}: {
  session: Session;
  canOperate: boolean;
  onChanged: () => void;
}) {
  const [remove] = useMutation(RecordBagRemovalMutation);
  const [claim] = useMutation(RecordBagClaimMutation);
  const [dispose] = useMutation(RecordBagDisposalMutation);
  const a = s.abandonment;
  if (!a) return null;
  const tz = s.site.timezone;
  const open = s.status === 'STORED';

  return (
    <section className="card" aria-labelledby="abandoned-title" data-testid="abandonment">
      <h2 id="abandoned-title">Abandoned bag</h2>
      <dl className="facts">
        <dt>Marked abandoned</dt>
        <dd>{formatDateTime(a.abandonedAt, tz)}</dd>
        <dt>Removed</dt>
        <dd data-testid="abandonment-removed">
          {a.removedAt
            ? `${formatDateTime(a.removedAt, tz)} by ${a.removedBy ?? '—'} to ${a.removedTo ?? '—'} (lost property ${a.lostPropertyRef ?? '—'})`
            : 'Still in its compartment'}
        </dd>
        {a.claimedAt && (
          <>
            <dt>Claimed back</dt>
            <dd data-testid="abandonment-claimed">{`${formatDateTime(a.claimedAt, tz)} by ${a.claimedBy ?? '—'}`}</dd>
          </>
        )}
        {a.disposedAt && (
          <>
            <dt>Disposed of</dt>
            <dd data-testid="abandonment-disposed">{`${formatDateTime(a.disposedAt, tz)} by ${a.disposedBy ?? '—'}: ${a.disposalMethod ?? '—'}`}</dd>
          </>
        )}
      </dl>
      {canOperate && open && (
        <div className="actions">
          {!a.removedAt && (
            <StepForm
              label="Record removal"
              fields={[
                { name: 'removedTo', label: 'Where it went' },
                { name: 'lostPropertyRef', label: 'Lost-property reference' },
              ]}
              onConfirm={async (v) => {
                await remove({
                  variables: {
                    sessionId: s.id,
                    removedTo: v.removedTo!,
                    lostPropertyRef: v.lostPropertyRef!,
                  },
                });
                onChanged();
              }}
            />
          )}
          {a.removedAt && (
            <StepForm
              label="Record claim"
              fields={[
                { name: 'payload', label: 'Access code (or leave empty)', optional: true },
                {
                  name: 'reason',
                  label: 'Without the code: how the depositor was identified',
                  optional: true,
                },
              ]}
              onConfirm={async (v) => {
                await claim({
                  variables: { sessionId: s.id, payload: v.payload || null, reason: v.reason || null },
                });
                onChanged();
              }}
            />
          )}
          {a.removedAt && (
            <StepForm
              label="Record disposal"
              danger
              fields={[{ name: 'method', label: 'How it was disposed of' }]}
              onConfirm={async (v) => {
                await dispose({ variables: { sessionId: s.id, method: v.method! } });
                onChanged();
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}
