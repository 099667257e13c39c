import 'reflect-metadata';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { ENTITIES } from '../entities/all-entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { runDeclaredStatementsPrepared } from './prepared.js';

export type { EntityManager };
export type Orm = MikroORM;

/** Opens the pool; migrations are applied separately (`migrateDatabase`), under a lock. */
export async function openDatabase(databaseUrl: string, opts: { poolMax?: number } = {}): Promise<Orm> {
  const orm = await MikroORM.init({
    clientUrl: databaseUrl,
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, snapshot: false, silent: true, transactional: true },
    // The global EntityManager is refused: every request and connection forks its own.
    allowGlobalContext: false,
    pool: { min: 1, max: opts.poolMax ?? 20 },
    // a scan's statements run as named prepared statements (`prepared.ts`)
    driverOptions: { onPoolCreated: runDeclaredStatementsPrepared },
    debug: false,
  });
  return orm;
}

/**
 * Applies pending migrations (`migrate: true`), or refuses to start on a schema behind the
 * code when migrations are left to a separate step (a migration Job runs `cli.js migrate`).
 * The caller holds the startup advisory lock.
 */
export async function migrateDatabase(orm: Orm, migrate: boolean): Promise<string[]> {
  if (migrate) return (await orm.migrator.up()).map((m) => m.name);
  const pending = await orm.migrator.getPending();
  if (pending.length > 0) {
    throw new Error(
      `the database is ${pending.length} migration(s) behind (${pending[0]!.name} first); run \`node dist/cli.js migrate\` or set MIGRATE_ON_START=true`,
    );
  }
  return [];
}
