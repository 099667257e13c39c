// The banks as grids, from the reconciled board state. Presentational, so the rendered
// reconciliation test can drive it without a server.
import { useMemo } from 'react';
import { BankGrid, type BankController } from './bank-grid';
import { groupByBank, type BoardState } from './reconcile';
import type { BoardCompartment } from './use-live-board';

/** All banks of a site, in the snapshot's bank order. */
export function BoardView({
  banks,
  board,
  selectedId,
  onSelect,
}: {
  banks: readonly { id: string; label: string; controller?: BankController | null }[];
  board: BoardState<BoardCompartment>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const groups = useMemo(() => groupByBank(board), [board]);
  if (banks.length === 0) return <p>This site has no locker banks yet.</p>;
  return (
    <div className="banks">
      {banks.map((b) => (
        <BankGrid
          key={b.id}
          label={b.label}
          controller={b.controller ?? null}
          compartments={groups.get(b.id) ?? []}
          selectedId={selectedId}
          onSelect={onSelect}
        />
      ))}
    </div>
  );
}
