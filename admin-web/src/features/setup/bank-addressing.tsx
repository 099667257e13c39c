// The site's banks with each compartment's relay addressing (Compartment.modbus, ADMIN
// only), so an admin wiring a new bank can see which coils and inputs are taken.
import type { SetupSiteQuery } from '../../api/generated/graphql';
import { humanize } from '../../ui/format';
import type { ExistingLayout } from './bank-layout';
import { BankBoardForm } from './bank-board-form';
import { BankSizeGuideForm } from './bank-size-guide-form';
import type { BoardPreset } from './board-choice';

type Bank = NonNullable<SetupSiteQuery['site']>['banks'][number];

/** Labels and addresses already in use, for the bulk-add form's clash check. */
export function existingLayout(banks: readonly Bank[]): ExistingLayout {
  const compartments = banks.flatMap((b) => b.compartments);
  return {
    labels: new Set(compartments.map((c) => c.label)),
    addresses: compartments.flatMap((c) => (c.modbus ? [{ label: c.label, ...c.modbus }] : [])),
  };
}

function range(values: number[]): string {
  if (values.length === 0) return '—';
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? String(min) : `${min}–${max}`;
}

/** One collapsible table per bank. */
export function BankAddressing({
  banks,
  presets = [],
  onChanged = () => undefined,
}: {
  banks: readonly Bank[];
  presets?: readonly BoardPreset[];
  onChanged?: () => void;
}) {
  if (banks.length === 0) return <p>No banks at this site yet.</p>;
  return (
    <div className="bank-summary">
      {banks.map((b) => {
        const units = [...new Set(b.compartments.flatMap((c) => (c.modbus ? [c.modbus.unitId] : [])))];
        return (
          <details key={b.id} className="card">
            <summary>
              <strong>{b.label}</strong>: {b.compartments.length} compartments ({b.compartments[0]?.label}–
              {b.compartments.at(-1)?.label}) on <code>{b.modbusEndpoint}</code>, unit{' '}
              {units.join(', ') || '—'}, coils{' '}
              {range(b.compartments.flatMap((c) => (c.modbus ? [c.modbus.coil] : [])))}, door inputs{' '}
              {range(b.compartments.flatMap((c) => (c.modbus ? [c.modbus.doorInput] : [])))}
              {b.gateway ? ` · gateway ${b.gateway.name}` : ''} · board {b.board.preset}
            </summary>
            <BankBoardForm bankId={b.id} board={b.board} presets={presets} onSaved={onChanged} />
            <BankSizeGuideForm
              bankId={b.id}
              bankLabel={b.label}
              sizes={[...new Set(b.compartments.map((c) => c.size))]}
              current={b.sizeDimensions}
              onSaved={onChanged}
            />
            <table className="table compact" aria-label={`Addressing of ${b.label}`}>
              <thead>
                <tr>
                  <th scope="col">Label</th>
                  <th scope="col">Size</th>
                  <th scope="col">Status</th>
                  <th scope="col">Endpoint</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Coil</th>
                  <th scope="col">Door input</th>
                </tr>
              </thead>
              <tbody>
                {b.compartments.map((c) => (
                  <tr key={c.id}>
                    <td>{c.label}</td>
                    <td>{humanize(c.size)}</td>
                    <td>{humanize(c.status)}</td>
                    <td>{c.modbus?.endpoint ?? '—'}</td>
                    <td>{c.modbus?.unitId ?? '—'}</td>
                    <td>{c.modbus?.coil ?? '—'}</td>
                    <td>{c.modbus?.doorInput ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        );
      })}
    </div>
  );
}
