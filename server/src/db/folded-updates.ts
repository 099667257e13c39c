import { ChangeSetType, OptimisticLockError, ReferenceKind, wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** The transaction's pending updates as data-modifying CTEs of the statement that appends rows. */
export interface FoldedUpdates {
  /** `u0 as (update ... returning version)`, one per changed entity. */
  ctes: string[];
  /** `(select version from u0) as v0`: the new version, null when the version check failed. */
  reads: string[];
  params: unknown[];
  /** Applies the statement's answer: new versions, entities clean again; a failed check throws. */
  settle(row: Record<string, unknown> | undefined): void;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const isJson = (type: unknown, columnType: string | undefined) =>
  /json/i.test(String(type)) || /json/i.test(columnType ?? '');

/** One pending update as the ORM computed it. */
interface Change {
  cs: ReturnType<ReturnType<EntityManager['getUnitOfWork']>['getChangeSets']>[number];
  /** The table, quoted; the key, version and changed columns, quoted as well. */
  table: string;
  pk: string;
  version: string;
  fields: string[];
  /** The same columns as JSON keys (as PostgreSQL names them), for `json_populate_record`. */
  names: { pk: string; version: string; fields: string[] };
  values: unknown[];
  /** Whether every value reads back as itself from JSON (`json_populate_record`). */
  jsonSafe: boolean;
}

/**
 * A value PostgreSQL reads from JSON as the driver would send it: a Date only into a timestamp
 * column (JSON carries its instant, which a date column would cut to the UTC day).
 */
const jsonSafe = (value: unknown, columnType: string | undefined): boolean =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (value instanceof Date && /^timestamp/i.test(columnType ?? ''));

/**
 * A deposit scan changes its session and its compartment and appends four rows: as the ORM
 * flushes, that is two UPDATE round trips before the one that appends. Here the ORM's own
 * change sets (what `flush` would write) become CTEs of the appending statement, each with the
 * optimistic version check the ORM would make, so the change costs one round trip.
 *
 * Rows of one table whose changes set the same columns share one CTE, their values sent as one
 * JSON parameter read as the table's rows (`json_populate_record`): a door report storing a
 * bank's 24 deposits changed 48 rows, and PostgreSQL took longer to plan 48 CTEs than to run
 * them.
 *
 * Only plain updates fold: every change an UPDATE of scalar, non-JSON columns of an entity
 * with an integer version and one primary key. Anything else (a new or removed entity, a
 * collection, a JSON column) answers null, and the caller lets the ORM flush as usual.
 */
export function foldPendingUpdates(tx: EntityManager): FoldedUpdates | null {
  const uow = tx.getUnitOfWork();
  uow.computeChangeSets();
  if (uow.getCollectionUpdates().length || uow.getExtraUpdates().size) return null;
  const sets = uow.getChangeSets();
  const groups = new Map<string, Change[]>();
  for (const cs of sets) {
    const meta = cs.meta;
    const version = meta.versionProperty ? meta.properties[meta.versionProperty] : undefined;
    const [pk] = meta.getPrimaryProps();
    if (cs.type !== ChangeSetType.UPDATE || !version || meta.primaryKeys.length !== 1 || !pk) return null;
    if (version.runtimeType !== 'number') return null;
    const change: Change = {
      cs,
      table: meta.schema ? `${quote(meta.schema)}.${quote(meta.tableName)}` : quote(meta.tableName),
      pk: quote(pk.fieldNames[0]!),
      version: quote(version.fieldNames[0]!),
      fields: [],
      names: { pk: pk.fieldNames[0]!, version: version.fieldNames[0]!, fields: [] },
      values: [],
      jsonSafe: true,
    };
    for (const [name, value] of Object.entries(cs.payload as Record<string, unknown>)) {
      const prop = meta.properties[name];
      if (!prop || prop.kind !== ReferenceKind.SCALAR || prop.primary || prop.version) return null;
      if (prop.fieldNames.length !== 1 || isJson(prop.type, prop.columnTypes?.[0])) return null;
      change.fields.push(quote(prop.fieldNames[0]!));
      change.names.fields.push(prop.fieldNames[0]!);
      change.values.push(value);
      change.jsonSafe &&= jsonSafe(value, prop.columnTypes?.[0]);
    }
    const key = `${change.table} ${change.fields.join(',')}`;
    const group = groups.get(key);
    if (group) group.push(change);
    else groups.set(key, [change]);
  }
  const ctes: string[] = [];
  const reads: string[] = [];
  const params: unknown[] = [];
  /** How each change's new version is read from the answer: its column, and its place in a shared one. */
  const readers: Array<{ cs: Change['cs']; column: string; place: number | null }> = [];
  for (const group of groups.values()) {
    if (group.length > 1 && group.every((c) => c.jsonSafe)) {
      const { table, pk, version, fields } = group[0]!;
      const n = ctes.length;
      // each row's place in the parameter (`ordinality`) says whose version came back
      ctes.push(
        `u${n} as (update ${table} as x set ${fields.map((f) => `${f} = w.${f}`).join(', ')}, ${version} = x.${version} + 1 ` +
          `from json_array_elements(?::json) with ordinality as e(r, n), json_populate_record(null::${table}, e.r) as w ` +
          `where x.${pk} = w.${pk} and x.${version} = w.${version} returning e.n as n, x.${version} as v)`,
      );
      params.push(JSON.stringify(group.map(rowOf)));
      reads.push(`(select json_object_agg(n, v) from u${n}) as v${n}`);
      group.forEach((c, i) => readers.push({ cs: c.cs, column: `v${n}`, place: i + 1 }));
      continue;
    }
    for (const c of group) {
      const n = ctes.length;
      ctes.push(
        `u${n} as (update ${c.table} set ${c.fields.map((f) => `${f} = ?`).join(', ')}, ${c.version} = ${c.version} + 1 where ${c.pk} = ? and ${c.version} = ? returning ${c.version} as v)`,
      );
      params.push(...c.values, wrap(c.cs.entity, true).getPrimaryKey(), versionOf(c.cs));
      reads.push(`(select v from u${n}) as v${n}`);
      readers.push({ cs: c.cs, column: `v${n}`, place: null });
    }
  }
  return {
    ctes,
    reads,
    params,
    settle(row) {
      const comparator = tx.getComparator();
      for (const { cs, column, place } of readers) {
        const read = row?.[column];
        const value = place === null ? read : (read as Record<string, unknown> | null | undefined)?.[place];
        if (value === null || value === undefined) throw OptimisticLockError.lockFailed(cs.entity);
        const entity = cs.entity as Record<string, unknown>;
        entity[cs.meta.versionProperty] = Number(value);
        // what the ORM does after its own update: the entity is clean, a later flush skips it
        wrap(cs.entity, true).__originalEntityData = comparator.prepareEntity(cs.entity);
      }
    },
  };
}

const versionOf = (cs: Change['cs']): unknown =>
  (cs.entity as Record<string, unknown>)[cs.meta.versionProperty];

/** A change as a row for `json_populate_record`: its key, its version before, its new values. */
function rowOf(c: Change): Record<string, unknown> {
  const row: Record<string, unknown> = {
    [c.names.pk]: wrap(c.cs.entity, true).getPrimaryKey(),
    [c.names.version]: versionOf(c.cs),
  };
  c.names.fields.forEach((name, i) => (row[name] = c.values[i]));
  return row;
}
