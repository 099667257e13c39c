import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSchema, isEnumType, isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { printedSchema } from '../../src/graphql/emit-schema.js';
import { ERROR_CODES } from '../../src/errors/error-codes.js';
import { SESSION_TRANSITIONS } from '../../src/entities/session.state.js';

const root = resolve(import.meta.dirname, '..', '..');

/** Every type, field, argument and enum value name of a schema, as "Type.field(arg)". */
function names(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    out.add(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.add(`${type.name}.${field.name}:${String(field.type)}`);
        if ('args' in field)
          for (const arg of field.args)
            out.add(`${type.name}.${field.name}(${arg.name}:${String(arg.type)})`);
      }
    }
    if (isEnumType(type)) for (const v of type.getValues()) out.add(`${type.name}.${v.name}`);
  }
  return out;
}

describe('the published schema', () => {
  test('server/schema.graphql is what the code emits (run `pnpm --filter ./server schema:emit` after a change)', async () => {
    expect(readFileSync(resolve(root, 'schema.graphql'), 'utf8')).toBe(await printedSchema());
  });

  test('keeps every name of the binding contract, with the same types', async () => {
    const contract = buildSchema(
      readFileSync(resolve(root, '..', '..', 'shared', 'contract', 'core.graphql'), 'utf8'),
    );
    const ours = names(buildSchema(await printedSchema()));
    const missing = [...names(contract)].filter((n) => !ours.has(n));
    expect(missing).toEqual([]);
  });

  test('docs/errors.md lists exactly the error codes the server produces', () => {
    const doc = readFileSync(resolve(root, 'docs', 'errors.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  test('the session state machine: terminal states have no way out, and every state is reachable', () => {
    expect(SESSION_TRANSITIONS.COMPLETED).toEqual({});
    expect(SESSION_TRANSITIONS.CANCELLED).toEqual({});
    const reachable = new Set(['CREATED']);
    for (const [, edges] of Object.entries(SESSION_TRANSITIONS))
      for (const to of Object.keys(edges)) reachable.add(to);
    expect([...reachable].sort()).toEqual(Object.keys(SESSION_TRANSITIONS).sort());
  });
});
