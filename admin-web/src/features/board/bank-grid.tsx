import { CompartmentCell } from './compartment-cell';
import type { BoardCompartment } from './use-live-board';

/** One bank: a heading and its compartments as a grid. */
export function BankGrid({
  label,
  compartments,
  selectedId,
  onSelect,
}: {
  label: string;
  compartments: readonly BoardCompartment[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <section className="bank" aria-label={`Bank ${label}`}>
      <h3>Bank {label}</h3>
      <div className="bank-grid">
        {compartments.map((c) => (
          <CompartmentCell key={c.id} compartment={c} selected={c.id === selectedId} onSelect={onSelect} />
        ))}
      </div>
    </section>
  );
}
