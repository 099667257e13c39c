import { describe, expect, it } from 'vitest';
import {
  applySnapshot,
  applyUpdate,
  boardReducer,
  emptyBoard,
  groupByBank,
  type BoardState,
} from './reconcile';

interface C {
  id: string;
  version: number;
  status: string;
  label: string;
  bank: { id: string };
}

const c = (id: string, version: number, status: string, label = id, bank = 'b1'): C => ({
  id,
  version,
  status,
  label,
  bank: { id: bank },
});

function statusOf(state: BoardState<C>, id: string) {
  return state.byId.get(id)?.status;
}

describe('board reconciliation', () => {
  it('applies a newer event on top of the snapshot', () => {
    let s = applySnapshot(emptyBoard<C>(), [c('a', 3, 'AVAILABLE')]);
    s = applyUpdate(s, c('a', 4, 'RESERVED'));
    expect(statusOf(s, 'a')).toBe('RESERVED');
  });

  it('ignores an event older than the snapshot, and returns the same state object', () => {
    const s = applySnapshot(emptyBoard<C>(), [c('a', 7, 'OCCUPIED')]);
    const after = applyUpdate(s, c('a', 5, 'RESERVED'));
    expect(after).toBe(s);
    expect(statusOf(after, 'a')).toBe('OCCUPIED');
  });

  it('ignores a duplicate of the version already held', () => {
    const s = applySnapshot(emptyBoard<C>(), [c('a', 7, 'OCCUPIED')]);
    expect(applyUpdate(s, c('a', 7, 'AVAILABLE'))).toBe(s);
  });

  it('keeps an event that arrived while the snapshot was in flight when it is newer', () => {
    // Reconnect: the subscription delivers v9 before the (older) snapshot with v8 lands.
    let s = applyUpdate(emptyBoard<C>(), c('a', 9, 'AVAILABLE'));
    s = applySnapshot(s, [c('a', 8, 'OCCUPIED'), c('b', 2, 'AVAILABLE')]);
    expect(statusOf(s, 'a')).toBe('AVAILABLE');
    expect(statusOf(s, 'b')).toBe('AVAILABLE');
    expect(s.snapshots).toBe(1);
  });

  it('lets a later snapshot catch up on changes missed while disconnected', () => {
    let s = applySnapshot(emptyBoard<C>(), [c('a', 1, 'AVAILABLE')]);
    // events for v2..v4 were lost during the drop; the reconnect snapshot has v4
    s = applySnapshot(s, [c('a', 4, 'OCCUPIED')]);
    expect(statusOf(s, 'a')).toBe('OCCUPIED');
    // a late, stale event from before the drop must not undo it
    s = applyUpdate(s, c('a', 2, 'RESERVED'));
    expect(statusOf(s, 'a')).toBe('OCCUPIED');
  });

  it('adds a compartment first seen in an event', () => {
    const s = boardReducer(emptyBoard<C>(), { type: 'update', compartment: c('z', 1, 'AVAILABLE') });
    expect(statusOf(s, 'z')).toBe('AVAILABLE');
  });

  it('groups by bank with labels in natural order', () => {
    const s = applySnapshot(emptyBoard<C>(), [
      c('1', 1, 'X', 'A10'),
      c('2', 1, 'X', 'A2'),
      c('3', 1, 'X', 'B01', 'b2'),
    ]);
    const g = groupByBank(s);
    expect(g.get('b1')?.map((x) => x.label)).toEqual(['A2', 'A10']);
    expect(g.get('b2')?.map((x) => x.label)).toEqual(['B01']);
  });
});
