/**
 * The gateway's operations must stay valid against the binding contract and against the
 * schema the server emits (server/schema.graphql): a rename there fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GATEWAY_OPERATIONS } from '../src/link/operations.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const schemas = {
  'contract core.graphql': path.resolve(here, '../../../shared/contract/core.graphql'),
  'server/schema.graphql': path.resolve(here, '../../server/schema.graphql'),
};

describe.each(Object.entries(schemas))('gateway operations against %s', (_name, file) => {
  it('are valid', () => {
    expect(fs.existsSync(file), `${file} is missing`).toBe(true);
    const schema = buildSchema(fs.readFileSync(file, 'utf8'));
    for (const [operation, text] of Object.entries(GATEWAY_OPERATIONS)) {
      const errors = validate(schema, parse(text)).map((e) => e.message);
      expect(errors, operation).toEqual([]);
    }
  });
});
