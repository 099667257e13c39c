// Typed operations from the server's schema (graphql-codegen client preset).
// The output in src/api/generated is committed; `pnpm typecheck` runs `codegen --check`
// so a stale generated file fails the check.
import type { CodegenConfig } from '@graphql-codegen/cli';

// The schema the server emits (core contract + additions), committed by the server.
const schema = '../server/schema.graphql';

const config: CodegenConfig = {
  schema,
  documents: ['src/**/*.{ts,tsx}', '!src/api/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/api/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
        skipTypename: false,
      },
    },
  },
};

export default config;
