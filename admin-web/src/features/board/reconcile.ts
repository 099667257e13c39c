// Board reconciliation, kept pure so it can be tested without a network.
//
// The board mirrors the server's compartments from two sources: a snapshot (a query taken
// on every (re)connect) and `compartmentUpdated` events. They can arrive in any order: an
// event may be older than a snapshot taken after it, and events sent while the socket was
// down are lost. Each compartment carries a `version` that grows with every change, so
// for every id we keep the copy with the highest version, whatever its source.

/** The least a compartment needs for reconciliation. */
export interface Versioned {
  id: string;
  version: number;
}

/** Compartments by id, each the newest version seen. */
export interface BoardState<C extends Versioned> {
  byId: ReadonlyMap<string, C>;
  /** Number of snapshots applied: 0 means nothing authoritative has arrived yet. */
  snapshots: number;
}

/** What can happen to the board. */
export type BoardAction<C extends Versioned> =
  { type: 'snapshot'; compartments: readonly C[] } | { type: 'update'; compartment: C };

/** A board that has seen nothing. */
export function emptyBoard<C extends Versioned>(): BoardState<C> {
  return { byId: new Map(), snapshots: 0 };
}

function isNewer<C extends Versioned>(current: C | undefined, candidate: C): boolean {
  return current === undefined || candidate.version > current.version;
}

/**
 * Applies a snapshot. A compartment already held at a higher version (an event that
 * arrived while the snapshot was in flight) is kept. Compartments are never deleted by
 * the API, so ones missing from the snapshot are left as they are.
 */
export function applySnapshot<C extends Versioned>(
  state: BoardState<C>,
  compartments: readonly C[],
): BoardState<C> {
  const byId = new Map(state.byId);
  for (const c of compartments) {
    if (isNewer(byId.get(c.id), c)) byId.set(c.id, c);
  }
  return { byId, snapshots: state.snapshots + 1 };
}

/**
 * Applies one event. Returns the same state object when the event is not newer than
 * what is held, so React skips the re-render.
 */
export function applyUpdate<C extends Versioned>(state: BoardState<C>, compartment: C): BoardState<C> {
  if (!isNewer(state.byId.get(compartment.id), compartment)) return state;
  const byId = new Map(state.byId);
  byId.set(compartment.id, compartment);
  return { ...state, byId };
}

/** The reducer form, for useReducer. */
export function boardReducer<C extends Versioned>(
  state: BoardState<C>,
  action: BoardAction<C>,
): BoardState<C> {
  switch (action.type) {
    case 'snapshot':
      return applySnapshot(state, action.compartments);
    case 'update':
      return applyUpdate(state, action.compartment);
  }
}

/** Compartments grouped by bank id, each group sorted by label (A01, A02, …). */
export function groupByBank<C extends Versioned & { label: string; bank: { id: string } }>(
  state: BoardState<C>,
): Map<string, C[]> {
  const groups = new Map<string, C[]>();
  for (const c of state.byId.values()) {
    const list = groups.get(c.bank.id) ?? [];
    list.push(c);
    groups.set(c.bank.id, list);
  }
  for (const list of groups.values())
    list.sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  return groups;
}
