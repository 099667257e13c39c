/**
 * The gateway's operations must stay valid against the binding contract and against the
 * schema the server emits (server/schema.graphql): a rename there fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GATEWAY_OPERATIONS, GATEWAY_SERVER_OPERATIONS } from '../src/link/operations.js';
import { SITE_OPERATIONS } from '../src/site/site-operations.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const schemas = {
  'contract core.graphql': path.resolve(here, '../../../shared/contract/core.graphql'),
  'server/schema.graphql': path.resolve(here, '../../server/schema.graphql'),
};

/**
 * Fields the gateway reads that the server adds around the contract (additive): the board
 * profiles of gatewayConfig. The contract check tolerates only these.
 */
const SERVER_EXTENSIONS = [
  /Cannot query field "banks" on type "GatewayConfig"/,
  /Cannot query field "bankId" on type "GatewayCompartment"/,
];

describe.each(Object.entries(schemas))('gateway operations against %s', (name, file) => {
  it('are valid', () => {
    expect(fs.existsSync(file), `${file} is missing`).toBe(true);
    const schema = buildSchema(fs.readFileSync(file, 'utf8'));
    const operations = file.includes('server')
      ? { ...GATEWAY_OPERATIONS, ...GATEWAY_SERVER_OPERATIONS, ...SITE_OPERATIONS }
      : GATEWAY_OPERATIONS;
    for (const [operation, text] of Object.entries(operations)) {
      const errors = validate(schema, parse(text))
        .map((e) => e.message)
        .filter((m) => !(name.startsWith('contract') && SERVER_EXTENSIONS.some((re) => re.test(m))));
      expect(errors, operation).toEqual([]);
    }
  });
});
