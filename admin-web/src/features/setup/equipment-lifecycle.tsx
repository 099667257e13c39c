// Corrections and retirement of a site's equipment (ADMIN). Retired things stay listed for
// history; the server refuses to retire anything holding a traveller's bag and says which.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { CompartmentSize, SetupSiteQuery } from '../../api/generated/graphql';
import { ConfirmAction } from '../../ui/confirm-action';
import { formatDateTime, humanize } from '../../ui/format';
import {
  RetireCompartmentMutation,
  RetireLockerBankMutation,
  RetireSiteMutation,
  RetireTariffMutation,
  UpdateCompartmentMutation,
  UpdateLockerBankMutation,
} from './lifecycle.operations';

type Site = NonNullable<SetupSiteQuery['site']>;
type Bank = Site['banks'][number];
type Compartment = Bank['compartments'][number];
const SIZES: CompartmentSize[] = ['SMALL', 'MEDIUM', 'LARGE', 'XLARGE'];

/** Retires the whole site (its banks and compartments), or says when it was. */
export function RetireSiteAction({ site, onChanged }: { site: Site; onChanged: () => void }) {
  const [retire] = useMutation(RetireSiteMutation);
  if (site.retiredAt)
    return <p className="muted">Retired {formatDateTime(site.retiredAt, site.timezone)}.</p>;
  return (
    <ConfirmAction
      danger
      label="Retire site"
      question={`${site.name} stops offering lockers: its banks and compartments are retired for good.`}
      onConfirm={() => retire({ variables: { siteId: site.id } }).then(onChanged)}
    />
  );
}

/** Retires one tariff: its size is no longer offered until the tariff is set again. */
export function RetireTariffAction({
  siteId,
  size,
  retiredAt,
  onChanged,
}: {
  siteId: string;
  size: CompartmentSize;
  retiredAt: string | null | undefined;
  onChanged: () => void;
}) {
  const [retire] = useMutation(RetireTariffMutation);
  if (retiredAt) return <span className="muted">Retired (set it again to offer the size)</span>;
  return (
    <ConfirmAction
      label={`Retire ${humanize(size)}`}
      question={`${humanize(size)} is no longer offered to travellers.`}
      onConfirm={() => retire({ variables: { siteId, size } }).then(onChanged)}
    />
  );
}

/** Every bank with its edit and retire actions, and its compartments'. */
export function BankLifecycle({ site, onChanged }: { site: Site; onChanged: () => void }) {
  return (
    <section aria-labelledby="bank-lifecycle-title">
      <h2 id="bank-lifecycle-title">Banks and compartments</h2>
      {site.banks.map((b) => (
        <BankCard key={b.id} bank={b} timezone={site.timezone} onChanged={onChanged} />
      ))}
    </section>
  );
}

function BankCard({ bank, timezone, onChanged }: { bank: Bank; timezone: string; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [retire] = useMutation(RetireLockerBankMutation);
  return (
    <div className="card" data-testid={`bank-${bank.label}`}>
      <h3>
        Bank {bank.label} <span className="muted">{bank.modbusEndpoint}</span>
      </h3>
      {bank.retiredAt ? (
        <p className="muted">Retired {formatDateTime(bank.retiredAt, timezone)}.</p>
      ) : (
        <div className="row">
          {editing ? (
            <BankEditForm
              bank={bank}
              onDone={() => {
                setEditing(false);
                onChanged();
              }}
            />
          ) : (
            <button type="button" onClick={() => setEditing(true)}>
              Edit bank {bank.label}
            </button>
          )}
          <ConfirmAction
            danger
            label={`Retire bank ${bank.label}`}
            question="The bank and all its compartments are retired for good."
            onConfirm={() => retire({ variables: { bankId: bank.id } }).then(onChanged)}
          />
        </div>
      )}
      <table className="table" aria-label={`Compartments of bank ${bank.label}`}>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Size</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {bank.compartments.map((c) => (
            <CompartmentRow key={c.id} compartment={c} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BankEditForm({ bank, onDone }: { bank: Bank; onDone: () => void }) {
  const [label, setLabel] = useState(bank.label);
  const [endpoint, setEndpoint] = useState(bank.modbusEndpoint);
  const [error, setError] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateLockerBankMutation);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!label.trim()) return setError('A bank needs a label.');
    try {
      await update({ variables: { bankId: bank.id, label: label.trim(), modbusEndpoint: endpoint.trim() } });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label={`Edit bank ${bank.label}`}>
      <label>
        Label
        <input value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label>
        Modbus endpoint
        <input value={endpoint} onChange={(e) => setEndpoint(e.target.value)} />
      </label>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
      <button type="submit" className="primary" disabled={loading}>
        Save
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

function CompartmentRow({ compartment: c, onChanged }: { compartment: Compartment; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [retire] = useMutation(RetireCompartmentMutation);
  const retired = c.status === 'RETIRED';
  return (
    <tr>
      <td>{c.label}</td>
      <td>{humanize(c.size)}</td>
      <td>{humanize(c.status)}</td>
      <td>
        <div className="row-actions">
          {!retired &&
            (editing ? (
              <CompartmentEditForm
                compartment={c}
                onDone={() => {
                  setEditing(false);
                  onChanged();
                }}
              />
            ) : (
              <button type="button" onClick={() => setEditing(true)}>
                Edit {c.label}
              </button>
            ))}
          {retired && <span className="muted">—</span>}
          {!retired && (
            <ConfirmAction
              danger
              label={`Retire ${c.label}`}
              question="It is never allocated again."
              onConfirm={() => retire({ variables: { compartmentId: c.id } }).then(onChanged)}
            />
          )}
        </div>
      </td>
    </tr>
  );
}

function CompartmentEditForm({ compartment: c, onDone }: { compartment: Compartment; onDone: () => void }) {
  const [label, setLabel] = useState(c.label);
  const [size, setSize] = useState<CompartmentSize>(c.size);
  const [error, setError] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateCompartmentMutation);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^[A-Za-z0-9-]{1,20}$/.test(label.trim()))
      return setError('A label is 1-20 letters, digits or dashes.');
    try {
      await update({
        variables: { compartmentId: c.id, label: label.trim(), size: size === c.size ? null : size },
      });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label={`Edit compartment ${c.label}`}>
      <label>
        Label
        <input value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label>
        Size
        <select value={size} onChange={(e) => setSize(e.target.value as CompartmentSize)}>
          {SIZES.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
      <button type="submit" className="primary" disabled={loading}>
        Save
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
