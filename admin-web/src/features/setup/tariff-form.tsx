// Set the tariff of one size at a site; fields start from the current tariff of that size.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { CompartmentSize, TariffFieldsFragment } from '../../api/generated/graphql';
import { FieldError } from '../../ui/field-error';
import { humanize } from '../../ui/format';
import { SetTariffMutation } from './setup.operations';
import { SIZES } from './bank-layout';
import { fromMinorUnits, validateTariff, type TariffDraft, type TariffField } from './tariff-validation';

function draftFor(size: CompartmentSize, tariffs: readonly TariffFieldsFragment[]): TariffDraft {
  const t = tariffs.find((x) => x.size === size);
  return {
    size,
    price: t ? fromMinorUnits(t.price.amount, t.price.currency) : '0',
    currency: t?.price.currency ?? tariffs[0]?.price.currency ?? 'EUR',
    includedMinutes: String(t?.includedMinutes ?? 240),
    overduePerHour: t ? fromMinorUnits(t.overduePerHour.amount, t.overduePerHour.currency) : '0',
    graceMinutes: String(t?.graceMinutes ?? 15),
    securityAlertAfterMinutes: String(t?.securityAlertAfterMinutes ?? 120),
  };
}

const LABELS: Record<Exclude<TariffField, 'size'>, string> = {
  price: 'Price (major units, 0 = free)',
  currency: 'Currency',
  includedMinutes: 'Included minutes',
  overduePerHour: 'Overdue fee per started hour',
  graceMinutes: 'Grace minutes',
  securityAlertAfterMinutes: 'Security alert after (minutes overdue)',
};

/** The tariff form. */
export function TariffForm({
  siteId,
  tariffs,
  onSaved,
}: {
  siteId: string;
  tariffs: readonly TariffFieldsFragment[];
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<TariffDraft>(() => draftFor('SMALL', tariffs));
  const [errors, setErrors] = useState<Partial<Record<TariffField, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [save, { loading }] = useMutation(SetTariffMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const r = validateTariff(draft);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    try {
      await save({ variables: { siteId, ...r.value } });
      setMessage({ ok: true, text: `Tariff for ${humanize(draft.size)} saved.` });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form
      className="card form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="tariff-form-title"
      noValidate
    >
      <h3 id="tariff-form-title">Set a tariff</h3>
      <label>
        Size
        <select
          value={draft.size}
          onChange={(e) => setDraft(draftFor(e.target.value as CompartmentSize, tariffs))}
        >
          {SIZES.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
      </label>
      <div className="grid-form">
        {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((f) => (
          <label key={f}>
            {LABELS[f]}
            <input
              value={draft[f]}
              inputMode={f === 'currency' ? 'text' : 'decimal'}
              onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
              aria-invalid={Boolean(errors[f])}
              aria-describedby={`tariff-${f}-err`}
            />
            <FieldError id={`tariff-${f}-err`} message={errors[f]} />
          </label>
        ))}
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary" disabled={loading}>
        Save tariff
      </button>
    </form>
  );
}
