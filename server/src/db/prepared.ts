import { CompiledQuery, type Transaction } from 'kysely';
import { ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Named prepared statements for the hot path: a scan's reads (declared here, `prepare`) and
 * the one statement that writes a change (built at run time, `runBuilt`). The ORM sends each
 * statement as text with its values written in, so PostgreSQL parses and plans it every time:
 * planning a scan's reads cost 4-14 times running them (pg_stat_statements with track_planning,
 * allocation race: the allocation 0.55 ms to plan, 0.04 ms to run; the session read 0.23 /
 * 0.05 ms; the write 0.2-0.3 ms to plan). A statement here is parsed once per connection, and
 * planned no more once PostgreSQL finds its generic plan as cheap as a custom one (it weighs
 * them over the first five runs; it did for every read, and for half of a deposit scan's
 * writes). Forcing generic plans (`plan_cache_mode`) is a setting of the connection, which
 * would reach the PL/pgSQL plans of the usage rollup's triggers and reports as well.
 *
 * Declared statements name their columns rather than `*`: a prepared statement's columns are
 * fixed when it is first prepared, and a column added by a migration (another instance's,
 * during a rolling upgrade) would otherwise fail every run with "cached plan must not change
 * result type". Behind a pooler in transaction mode, it needs one that keeps protocol-level
 * prepared statements (PgBouncer 1.21 or later, `max_prepared_statements`).
 */
export interface PreparedStatement {
  readonly name: string;
  /** `$n` placeholders, as PostgreSQL takes them. */
  readonly text: string;
}

/** Statement text -> name: what a pooled connection prepares under a name when asked to run it. */
const declared = new Map<string, string>();
const declaredNames = new Set<string>();

/** `?` placeholders (as the ORM's queries are written) numbered as PostgreSQL takes them. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A statement's columns of an entity's table (`alias.column, ...`), from the ORM's metadata. */
export type ColumnsOf = (entity: new () => object, alias: string) => string;

/**
 * Declares a statement, written with `?` placeholders as the ORM's queries are; built on first
 * use (its columns come from the ORM's metadata) and the same text from then on.
 */
export function prepare(
  name: string,
  build: (columns: ColumnsOf) => string,
): (tx: EntityManager) => PreparedStatement {
  let statement: PreparedStatement | undefined;
  return (tx) => {
    if (statement) return statement;
    const columns: ColumnsOf = (entity, alias) =>
      tx
        .getMetadata()
        .get(entity)
        .props.filter((p) => p.kind === ReferenceKind.SCALAR && p.persist !== false)
        .map((p) => `${alias}."${p.fieldNames[0]!}"`)
        .join(', ');
    if (declaredNames.has(name)) throw new Error(`two statements are declared as ${name}`);
    const text = numbered(build(columns));
    declaredNames.add(name);
    declared.set(text, name);
    return (statement = { name, text });
  };
}

interface PgClient {
  query(config: unknown, values?: unknown, callback?: unknown): unknown;
}
interface PgPool {
  on(event: 'connect', listener: (client: PgClient) => void): unknown;
}

/**
 * Given to the ORM as its pool's `onPoolCreated`: each new connection runs a declared
 * statement's text as that named statement (`pg` prepares it on the connection's first run
 * of it). The driver's `query` (the client class's) is looked up at each call, so anything that
 * wraps it (a statement counter in the tests) still sees every query.
 */
export function runDeclaredStatementsPrepared(pool: PgPool): void {
  pool.on('connect', (client) => {
    const driver = Object.getPrototypeOf(client) as PgClient;
    client.query = function (this: PgClient, config: unknown, values?: unknown, callback?: unknown) {
      const name = typeof config === 'string' ? declared.get(config) : undefined;
      if (name) return driver.query.call(this, { name, text: config, values }, callback);
      return driver.query.call(this, config, values, callback);
    };
  });
}

/**
 * Runs a declared statement in the transaction `tx` (only there: outside one, the ORM would
 * take a connection of its choosing), its values as parameters. Errors are the ORM's, as from
 * `tx.execute` (a deadlock is still a `DeadlockException`, which `transact` retries).
 */
export async function runPrepared<T extends object = Record<string, unknown>>(
  tx: EntityManager,
  declaration: (tx: EntityManager) => PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  return run<T>(tx, declaration(tx).text, values);
}

/** A built statement's text is prepared once it has run this often (as Npgsql's auto-prepare). */
const PREPARE_AFTER_RUNS = 5;
/** At most this many built statements are prepared (on each connection that runs them). */
const MAX_BUILT_PREPARED = 100;
/** Texts counted towards `PREPARE_AFTER_RUNS` at a time; the counts start over past it. */
const MAX_COUNTED = 1000;
const runsOfText = new Map<string, number>();
let builtPrepared = 0;

/**
 * Runs a statement built at run time (`?` placeholders, as `tx.execute` takes them), its
 * values as parameters, in the transaction `tx`. A text that keeps coming back (a deposit
 * scan's write has the same shape every time) is prepared from its fifth run; a one-off shape
 * is only parsed and planned, as the ORM's statements are.
 */
export async function runBuilt<T extends object = Record<string, unknown>>(
  tx: EntityManager,
  sql: string,
  values: unknown[],
): Promise<T[]> {
  const text = numbered(sql);
  if (!declared.has(text) && builtPrepared < MAX_BUILT_PREPARED) {
    const runs = (runsOfText.get(text) ?? 0) + 1;
    if (runs >= PREPARE_AFTER_RUNS) {
      declared.set(text, `built-${++builtPrepared}`);
      runsOfText.delete(text);
    } else {
      if (runsOfText.size >= MAX_COUNTED) runsOfText.clear();
      runsOfText.set(text, runs);
    }
  }
  return run<T>(tx, text, values);
}

async function run<T>(tx: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  // the ORM's transaction is kysely's (the ORM types it loosely)
  const ctx = tx.getTransactionContext<Transaction<unknown>>();
  if (!ctx) throw new Error('prepared statements run inside a transaction');
  try {
    const result = await ctx.executeQuery(CompiledQuery.raw(text, values));
    return result.rows as T[];
  } catch (e) {
    throw tx.getDriver().convertException(e as Error);
  }
}
