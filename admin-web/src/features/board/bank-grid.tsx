import { CompartmentCell } from './compartment-cell';
import type { BoardCompartment } from './use-live-board';

/** A bank's relay-board controller as its gateway reports it. */
export interface BankController {
  state: 'UP' | 'DOWN' | 'UNKNOWN';
  since?: string | null;
  error?: string | null;
}

const CONTROLLER_TEXT = {
  UP: 'Controller connected',
  DOWN: 'Controller unreachable: doors unknown, no locker here is used',
  UNKNOWN: 'Controller not reported (gateway offline?): no locker here is used',
} as const;

/** One bank: a heading, its controller's link, and its compartments as a grid. */
export function BankGrid({
  label,
  controller,
  compartments,
  selectedId,
  onSelect,
}: {
  label: string;
  controller: BankController | null;
  compartments: readonly BoardCompartment[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const state = controller?.state ?? 'UNKNOWN';
  return (
    <section className="bank" aria-label={`Bank ${label}`}>
      <h3>Bank {label}</h3>
      <p
        className={`controller controller-${state.toLowerCase()}`}
        data-testid={`controller-${label}`}
        data-state={state}
        role={state === 'UP' ? undefined : 'status'}
      >
        {CONTROLLER_TEXT[state]}
        {state === 'DOWN' && controller?.error ? ` (${controller.error})` : ''}
      </p>
      <div className="bank-grid">
        {compartments.map((c) => (
          <CompartmentCell
            key={c.id}
            compartment={c}
            controllerDown={state !== 'UP'}
            selected={c.id === selectedId}
            onSelect={onSelect}
          />
        ))}
      </div>
    </section>
  );
}
