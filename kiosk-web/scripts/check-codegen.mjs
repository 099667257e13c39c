// Fails when src/api/generated/ differs from what graphql-codegen would write now
// (schema or operations changed without `pnpm run codegen`). Run by `pnpm typecheck`.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';

const root = resolve(fileURLToPath(import.meta.url), '../..');
process.chdir(root);
const { default: config, schemaPath } = await import('../codegen.ts');

const outputs = await generate({ ...config, silent: true, cwd: root }, false);
const stale = [];
for (const { filename, content } of outputs) {
  const committed = await readFile(resolve(root, filename), 'utf8').catch(() => null);
  if (committed !== content) stale.push(filename);
}
if (stale.length > 0) {
  console.error(`Generated GraphQL types are stale (schema: ${schemaPath}): ${stale.join(', ')}`);
  console.error('Run `pnpm run codegen` in kiosk-web and commit the result.');
  process.exit(1);
}
console.log(`Generated GraphQL types are up to date (schema: ${schemaPath}).`);
