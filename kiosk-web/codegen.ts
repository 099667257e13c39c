import { type CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations for the kiosk, generated from the server's emitted (committed) schema. */
export const schemaPath = '../server/schema.graphql';

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
