// The size guide of one bank: inside dimensions per size, which travellers see when they pick a size.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { CompartmentSize } from '../../api/generated/graphql';
import { humanize } from '../../ui/format';
import { FieldError } from '../../ui/field-error';
import { SetBankSizeDimensionsMutation } from './setup.operations';
import { validateDimensions, type DimensionsDraft } from './size-guide-validation';

interface Dims {
  size: CompartmentSize;
  widthCm: number;
  heightCm: number;
  depthCm: number;
}

const FIELDS = [
  ['widthCm', 'Width (cm)'],
  ['heightCm', 'Height (cm)'],
  ['depthCm', 'Depth (cm)'],
] as const;

const draftOf = (d: Dims | undefined): DimensionsDraft => ({
  widthCm: d ? String(d.widthCm) : '',
  heightCm: d ? String(d.heightCm) : '',
  depthCm: d ? String(d.depthCm) : '',
});

/** Sets or clears the inside dimensions of one size of the bank (empty fields clear it). */
export function BankSizeGuideForm({
  bankId,
  bankLabel,
  sizes,
  current,
  onSaved,
}: {
  bankId: string;
  bankLabel: string;
  sizes: readonly CompartmentSize[];
  current: readonly Dims[];
  onSaved: () => void;
}) {
  const [size, setSize] = useState<CompartmentSize | undefined>(sizes[0]);
  const [draft, setDraft] = useState<DimensionsDraft>(() =>
    draftOf(current.find((d) => d.size === sizes[0])),
  );
  const [errors, setErrors] = useState<Partial<Record<keyof DimensionsDraft, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [save, { loading }] = useMutation(SetBankSizeDimensionsMutation);
  if (!size) return null;
  const id = `guide-${bankId}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const r = validateDimensions(draft);
    if (!r.ok) return setErrors(r.errors);
    setErrors({});
    try {
      await save({ variables: { bankId, size: size!, ...(r.value ?? {}) } });
      setMessage({
        ok: true,
        text: r.value
          ? `Size guide saved for ${humanize(size!)}.`
          : `Size guide cleared for ${humanize(size!)}.`,
      });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form
      className="form inline"
      onSubmit={(e) => void submit(e)}
      aria-label={`Size guide of bank ${bankLabel}`}
      noValidate
    >
      <p>
        Size guide (inside dimensions travellers see):{' '}
        {current.length
          ? current.map((d) => `${humanize(d.size)} ${d.widthCm}×${d.heightCm}×${d.depthCm} cm`).join(' · ')
          : 'none yet'}
      </p>
      <label>
        Size
        <select
          value={size}
          onChange={(e) => {
            const next = e.target.value as CompartmentSize;
            setSize(next);
            setDraft(draftOf(current.find((d) => d.size === next)));
            setErrors({});
          }}
        >
          {sizes.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
      </label>
      {FIELDS.map(([field, label]) => (
        <label key={field}>
          {label}
          <input
            inputMode="numeric"
            value={draft[field]}
            onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
            aria-invalid={Boolean(errors[field])}
            aria-describedby={`${id}-${field}-err`}
          />
          <FieldError id={`${id}-${field}-err`} message={errors[field]} />
        </label>
      ))}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      <button type="submit" disabled={loading}>
        Save size guide
      </button>
    </form>
  );
}
