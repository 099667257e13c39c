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

/**
 * A deposit scan changes its session and its compartment and appends four rows: as the ORM
 * flushes, that is two UPDATE round trips before the one that appends. Here the ORM's own
 * change sets (what `flush` would write) become CTEs of the appending statement, each with the
 * optimistic version check the ORM would make, so the change costs one round trip.
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
  const ctes: string[] = [];
  const reads: string[] = [];
  const params: unknown[] = [];
  for (const [i, cs] of sets.entries()) {
    const meta = cs.meta;
    const version = meta.versionProperty ? meta.properties[meta.versionProperty] : undefined;
    const [pk] = meta.getPrimaryProps();
    if (cs.type !== ChangeSetType.UPDATE || !version || meta.primaryKeys.length !== 1 || !pk) return null;
    if (version.runtimeType !== 'number') return null;
    const assignments: string[] = [];
    for (const [name, value] of Object.entries(cs.payload as Record<string, unknown>)) {
      const prop = meta.properties[name];
      if (!prop || prop.kind !== ReferenceKind.SCALAR || prop.primary || prop.version) return null;
      if (prop.fieldNames.length !== 1 || isJson(prop.type, prop.columnTypes?.[0])) return null;
      assignments.push(`${quote(prop.fieldNames[0]!)} = ?`);
      params.push(value);
    }
    const table = meta.schema ? `${quote(meta.schema)}.${quote(meta.tableName)}` : quote(meta.tableName);
    const v = quote(version.fieldNames[0]!);
    ctes.push(
      `u${i} as (update ${table} set ${assignments.join(', ')}, ${v} = ${v} + 1 where ${quote(pk.fieldNames[0]!)} = ? and ${v} = ? returning ${v} as v)`,
    );
    params.push(wrap(cs.entity, true).getPrimaryKey(), cs.entity[version.name]);
    reads.push(`(select v from u${i}) as v${i}`);
  }
  return {
    ctes,
    reads,
    params,
    settle(row) {
      const comparator = tx.getComparator();
      sets.forEach((cs, i) => {
        const value = row?.[`v${i}`];
        if (value === null || value === undefined) throw OptimisticLockError.lockFailed(cs.entity);
        const entity = cs.entity as Record<string, unknown>;
        entity[cs.meta.versionProperty] = Number(value);
        // what the ORM does after its own update: the entity is clean, a later flush skips it
        wrap(cs.entity, true).__originalEntityData = comparator.prepareEntity(cs.entity);
      });
    },
  };
}
