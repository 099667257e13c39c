import { ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { foldPendingUpdates } from './folded-updates.js';
import { runBuilt } from './prepared.js';

/** A row object of a mapped entity class (created with `new`, never managed by the ORM). */
export type AppendedRow = object;

interface Group {
  table: string;
  columns: Array<{ property: string; field: string }>;
  /** The generated key, read back into each row (a door event's `seq`: its feed cursor). */
  generated: { property: string; field: string } | null;
  rows: AppendedRow[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes rows that a transaction only ever adds (door events, gateway commands, the audit
 * trails of sessions and compartments) in one statement, one data-modifying CTE per table,
 * instead of one ORM insert per table: a deposit scan's four such rows cost one round trip.
 * The transaction's pending updates go in the same statement when they can
 * (`folded-updates.ts`); otherwise the ORM flushes first, so every row they refer to exists.
 * Called by `Effects.settle` at the end of the transaction's work. Nothing reads these rows
 * back in the transaction that writes them. Generated keys
 * are set on the row objects before the commit, so announcements built after it carry them.
 * Relies on PostgreSQL returning the rows of a VALUES insert in the order given, as the ORM's
 * own batch insert does. Values are sent as parameters (`prepared.ts`), not written into the text.
 */
export async function writeAppendedRows(tx: EntityManager, rows: AppendedRow[]): Promise<void> {
  if (!rows.length) return;
  const updates = foldPendingUpdates(tx);
  if (!updates) await tx.flush();
  const groups = new Map<object, Group>();
  for (const row of rows) {
    const ctor = row.constructor;
    let group = groups.get(ctor);
    if (!group) {
      const meta = tx.getMetadata().get(ctor as never);
      const props = meta.props.filter((p) => p.kind === ReferenceKind.SCALAR && p.persist !== false);
      // Values go to the driver as they are: a JSON column would need the ORM's conversion.
      const json = props.find((p) => /json/i.test(String(p.type)) || /json/i.test(p.columnTypes?.[0] ?? ''));
      if (json) throw new Error(`${meta.className}.${json.name}: appended rows hold plain columns only`);
      const key = props.find((p) => p.primary && p.autoincrement);
      group = {
        table: meta.schema ? `${quote(meta.schema)}.${quote(meta.tableName)}` : quote(meta.tableName),
        columns: props.filter((p) => p !== key).map((p) => ({ property: p.name, field: p.fieldNames[0]! })),
        generated: key ? { property: key.name, field: key.fieldNames[0]! } : null,
        rows: [],
      };
      groups.set(ctor, group);
    }
    group.rows.push(row);
  }
  // the updates' CTEs come first: their parameters are the first placeholders
  const params: unknown[] = [...(updates?.params ?? [])];
  const ctes: string[] = [...(updates?.ctes ?? [])];
  const reads: string[] = [...(updates?.reads ?? [])];
  const list = [...groups.values()];
  list.forEach((g, i) => {
    const values = g.rows.map((row) => {
      const cells = g.columns.map(({ property }) => {
        const value = (row as Record<string, unknown>)[property];
        if (value === undefined) return 'default';
        params.push(value);
        return '?';
      });
      return `(${cells.join(', ')})`;
    });
    const returning = g.generated ? ` returning ${quote(g.generated.field)} as k` : '';
    ctes.push(
      `a${i} as (insert into ${g.table} (${g.columns.map((c) => quote(c.field)).join(', ')}) values ${values.join(', ')}${returning})`,
    );
    reads.push(g.generated ? `(select array_agg(k::text) from a${i}) as k${i}` : `null as k${i}`);
  });
  // the same shape every time for a kind of change (a deposit scan's): prepared once it repeats
  const [result] = await runBuilt<Record<string, string[] | null>>(
    tx,
    `with ${ctes.join(', ')} select ${reads.join(', ')}`,
    params,
  );
  updates?.settle(result);
  list.forEach((g, i) => {
    if (!g.generated) return;
    const keys = result?.[`k${i}`] ?? [];
    g.rows.forEach((row, n) => ((row as Record<string, unknown>)[g.generated!.property] = keys[n]));
  });
}
