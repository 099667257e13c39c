/**
 * The allowed moves of a state machine whose states are a discriminated union on `kind`.
 * Code moves only through `checkTransition`, so an illegal move is a thrown bug, not a
 * silently odd state; tests read the same table.
 */

/** For each state kind, the kinds it may move to. */
export type TransitionTable<K extends string> = Readonly<Record<K, readonly K[]>>;

/** Returns `to` when `from -> to` is allowed; throws otherwise. */
export function checkTransition<S extends { kind: K }, K extends string>(
  name: string,
  table: TransitionTable<K>,
  from: S,
  to: S,
): S {
  if (!table[from.kind].includes(to.kind))
    throw new Error(`${name}: illegal transition ${from.kind} -> ${to.kind}`);
  return to;
}
