// The rendered case: the grid shows what reconciliation keeps, through a live sequence of
// snapshot, newer event and stale event, with no reload.
import { act, render, screen } from '@testing-library/react';
import { useReducer, type Dispatch } from 'react';
import { describe, expect, it } from 'vitest';
import { BoardView } from './board-view';
import { boardReducer, emptyBoard, type BoardAction } from './reconcile';
import type { BoardCompartment } from './use-live-board';

const comp = (
  label: string,
  version: number,
  status: BoardCompartment['status'],
  doorState: BoardCompartment['doorState'] = 'CLOSED',
): BoardCompartment => ({
  id: `id-${label}`,
  label,
  size: 'SMALL',
  status,
  doorState,
  version,
  inspectionReason: null,
  outOfServiceReason: null,
  bank: { id: 'bank-a' },
  currentSession: null,
});

let dispatch: Dispatch<BoardAction<BoardCompartment>> = () => undefined;

function Harness() {
  const [board, d] = useReducer(boardReducer<BoardCompartment>, undefined, emptyBoard<BoardCompartment>);
  dispatch = d;
  return (
    <BoardView
      banks={[{ id: 'bank-a', label: 'A' }]}
      board={board}
      selectedId={null}
      onSelect={() => undefined}
    />
  );
}

describe('BoardView with reconciliation', () => {
  it('shows live changes and never lets a stale event overwrite a newer snapshot', () => {
    render(<Harness />);
    act(() =>
      dispatch({ type: 'snapshot', compartments: [comp('A01', 5, 'AVAILABLE'), comp('A02', 3, 'OCCUPIED')] }),
    );
    const a01 = () => screen.getByTestId('compartment-A01');
    expect(a01().textContent).toContain('Available');

    act(() => dispatch({ type: 'update', compartment: comp('A01', 6, 'RESERVED', 'OPEN') }));
    expect(a01().textContent).toContain('Reserved');
    expect(a01().textContent).toContain('Door open');

    // An event from before the snapshot arrives late: the board must not go back.
    act(() => dispatch({ type: 'update', compartment: comp('A01', 4, 'AVAILABLE') }));
    expect(a01().textContent).toContain('Reserved');

    // The bank renders its compartments in label order.
    const labels = screen.getAllByRole('button').map((b) => b.querySelector('.cell-label')?.textContent);
    expect(labels).toEqual(['A01', 'A02']);
  });
});
