import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { createSchema } from './schema.js';
/** The schema as committed in server/schema.graphql (sorted, so diffs are stable). */
export async function printedSchema() {
    return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
    const target = resolve(import.meta.dirname, '..', '..', 'schema.graphql');
    writeFileSync(target, await printedSchema());
    console.warn(`wrote ${target}`);
}
//# sourceMappingURL=emit-schema.js.map