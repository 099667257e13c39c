import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
/** Opens the pool, applies pending migrations, and checks the entities match the tables. */
export async function openDatabase(databaseUrl, opts = {}) {
    const orm = await MikroORM.init({
        clientUrl: databaseUrl,
        entities: ENTITIES,
        metadataProvider: ReflectMetadataProvider,
        extensions: [Migrator],
        migrations: { migrationsList: MIGRATIONS, snapshot: false, silent: true, transactional: true },
        // The global EntityManager is refused: every request and connection forks its own.
        allowGlobalContext: false,
        pool: { min: 1, max: opts.poolMax ?? 20 },
        debug: false,
    });
    await orm.migrator.up();
    return orm;
}
//# sourceMappingURL=orm.js.map