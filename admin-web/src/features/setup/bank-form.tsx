// Bulk-add a locker bank: a few numbers become the full compartment list, previewed
// before anything is sent.
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { CompartmentSize } from '../../api/generated/graphql';
import { FieldError } from '../../ui/field-error';
import { humanize } from '../../ui/format';
import { CreateLockerBankMutation } from './setup.operations';
import { BoardChoice, boardInput, type BoardPreset } from './board-choice';
import {
  defaultBankDraft,
  layoutBank,
  SIZES,
  type BankDraft,
  type BankField,
  type ExistingLayout,
} from './bank-layout';

/** The bulk-add bank form for a site. */
export function BankForm({
  siteId,
  existing,
  presets = [],
  onCreated,
}: {
  siteId: string;
  /** Board profiles to choose from (boardProfiles). */
  presets?: readonly BoardPreset[];
  /** The site's labels and relay addresses, checked before sending. */
  existing: ExistingLayout;
  onCreated: () => void;
}) {
  const [draft, setDraft] = useState<BankDraft>(() => defaultBankDraft());
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateLockerBankMutation);
  const result = useMemo(() => layoutBank(draft, existing), [draft, existing]);
  const errors: Partial<Record<BankField, string>> = submitted && !result.ok ? result.errors : {};

  const set = (patch: Partial<BankDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setLabel = (v: string) =>
    setDraft((d) => ({ ...d, bankLabel: v, labelPrefix: d.labelPrefix === d.bankLabel ? v : d.labelPrefix }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    setServerError(null);
    setDone(null);
    if (!result.ok) return;
    try {
      const { data } = await create({
        variables: {
          siteId,
          label: draft.bankLabel.trim(),
          modbusEndpoint: draft.modbusEndpoint.trim(),
          board: boardInput(draft.boardPreset, draft.doorSensors),
          compartments: result.compartments,
        },
      });
      setDone(
        `Bank ${data?.createLockerBank.label} created with ${data?.createLockerBank.compartments.length} compartments.`,
      );
      setDraft(defaultBankDraft());
      setSubmitted(false);
      onCreated();
    } catch (err) {
      setServerError(errorMessage(err));
    }
  }

  const input = (
    field: Exclude<BankField, 'counts' | 'boardPreset' | 'doorSensors'>,
    label: string,
    extra: Record<string, string> = {},
  ) => (
    <label>
      {label}
      <input
        value={draft[field]}
        onChange={(e) =>
          field === 'bankLabel' ? setLabel(e.target.value) : set({ [field]: e.target.value })
        }
        aria-invalid={Boolean(errors[field])}
        aria-describedby={`bank-${field}-err`}
        {...extra}
      />
      <FieldError id={`bank-${field}-err`} message={errors[field]} />
    </label>
  );

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="bank-form-title" noValidate>
      <h3 id="bank-form-title">Add a locker bank</h3>
      <div className="grid-form">
        {input('bankLabel', 'Bank label')}
        {input('modbusEndpoint', 'Modbus endpoint')}
        {input('unitId', 'Unit id', { inputMode: 'numeric' })}
        {input('labelPrefix', 'Compartment label prefix')}
        {input('firstNumber', 'First number', { inputMode: 'numeric' })}
        {input('firstCoil', 'First coil', { inputMode: 'numeric' })}
        {input('firstDoorInput', 'First door input', { inputMode: 'numeric' })}
        <BoardChoice
          idPrefix="bank"
          presets={presets}
          preset={draft.boardPreset}
          sensors={draft.doorSensors}
          onChange={(boardPreset, doorSensors) => set({ boardPreset, doorSensors })}
        />
      </div>
      <fieldset aria-describedby="bank-counts-err">
        <legend>Compartments per size</legend>
        {SIZES.map((size: CompartmentSize) => (
          <label key={size}>
            {humanize(size)}
            <input
              inputMode="numeric"
              value={draft.counts[size]}
              onChange={(e) => set({ counts: { ...draft.counts, [size]: e.target.value } })}
              aria-invalid={Boolean(errors.counts)}
            />
          </label>
        ))}
        <FieldError id="bank-counts-err" message={errors.counts} />
      </fieldset>
      {result.ok && (
        <details>
          <summary>
            Preview: {result.compartments.length} compartments, {result.compartments[0]?.label}–
            {result.compartments.at(-1)?.label}, coils {result.compartments[0]?.coil}–
            {result.compartments.at(-1)?.coil}
          </summary>
          <table className="table compact" aria-label="Compartments to create">
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Size</th>
                <th scope="col">Unit</th>
                <th scope="col">Coil</th>
                <th scope="col">Door input</th>
              </tr>
            </thead>
            <tbody>
              {result.compartments.map((c) => (
                <tr key={c.label}>
                  <td>{c.label}</td>
                  <td>{humanize(c.size)}</td>
                  <td>{c.unitId}</td>
                  <td>{c.coil}</td>
                  <td>{c.doorInput}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {serverError && (
        <p role="alert" className="error">
          {serverError}
        </p>
      )}
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
      <button type="submit" className="primary" disabled={loading}>
        {loading ? 'Creating…' : 'Create bank'}
      </button>
    </form>
  );
}
