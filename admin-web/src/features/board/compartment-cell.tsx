import { humanize } from '../../ui/format';
import type { BoardCompartment } from './use-live-board';

const DOOR_TEXT = { OPEN: 'Door open', CLOSED: 'Door closed', UNKNOWN: 'Door unknown' } as const;

/** One compartment: label, size, status and door state; a button to select it. */
export function CompartmentCell({
  compartment: c,
  controllerDown = false,
  selected,
  onSelect,
}: {
  compartment: BoardCompartment;
  /** Its bank's controller cannot be read (or is not reported): not allocated meanwhile. */
  controllerDown?: boolean;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const overdue = c.currentSession?.overdue ?? false;
  return (
    <button
      type="button"
      className={`cell status-${c.status.toLowerCase()} door-${c.doorState.toLowerCase()}${selected ? ' selected' : ''}`}
      aria-pressed={selected}
      data-testid={`compartment-${c.label}`}
      data-status={c.status}
      data-door={c.doorState}
      onClick={() => onSelect(c.id)}
    >
      <span className="cell-label">{c.label}</span>
      <span className="cell-size">{humanize(c.size)}</span>
      <span className="cell-status">{humanize(c.status)}</span>
      <span className="cell-door">{DOOR_TEXT[c.doorState]}</span>
      {overdue && <span className="cell-flag">Overdue</span>}
      {c.status === 'NEEDS_INSPECTION' && (
        <span className="cell-why">{c.inspectionReason ?? 'Inspect before reuse'}</span>
      )}
      {controllerDown && c.status === 'AVAILABLE' && (
        <span className="cell-why">Not used: controller down</span>
      )}
    </button>
  );
}
