import { existsSync } from 'node:fs';
import { type CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the kiosk, generated from the server's emitted schema.
 * Until server/schema.graphql exists, schema.local.graphql (core.graphql + docs/api-additions.graphql
 * concatenated) stands in for it.
 */
export const schemaPath = existsSync(new URL('../server/schema.graphql', import.meta.url))
  ? '../server/schema.graphql'
  : './schema.local.graphql';

const config: CodegenConfig = {
  schema: schemaPath,
  documents: ['src/**/*.{ts,tsx}', '!src/api/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/api/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
        skipTypename: false,
      },
    },
  },
};

export default config;
