import { describe, expect, test } from 'vitest';
import { execute, parse, type ExecutionResult } from 'graphql';
import { createSchema } from '../../src/graphql/schema.js';

const COMPARTMENT = { id: 'c1', siteId: 's1', bankId: 'b1', status: 'OCCUPIED', doorState: 'OPEN', version: 7 };
const DOOR_EVENT = {
  id: 'e1',
  seq: '41',
  at: new Date('2026-12-06T10:00:00Z'),
  type: 'OPENED',
  detail: null,
  actor: null,
  siteId: 's1',
  compartmentId: 'c1',
  sessionId: null,
  compartment: COMPARTMENT,
};

/**
 * A live result is made once per event and written to every dashboard in the hand-out's turn,
 * inside that turn's one corked write per socket. A result that is a promise is written when it
 * settles instead, after the sockets were uncorked: one write system call per frame. A
 * subscription whose result is its event must therefore resolve without a promise, arguments
 * and all (type-graphql validates any declared argument in an async function).
 */
describe('live results are made without a promise', () => {
  const cases: Array<[string, string, unknown, Record<string, unknown>]> = [
    [
      'compartmentUpdated',
      'subscription($s: ID) { compartmentUpdated(siteId: $s) { id doorState status version } }',
      COMPARTMENT,
      { compartmentUpdated: { id: 'c1', doorState: 'OPEN', status: 'OCCUPIED', version: 7 } },
    ],
    [
      'doorEvents',
      'subscription($s: ID) { doorEvents(siteId: $s) { id type at compartment { id } } }',
      DOOR_EVENT,
      { doorEvents: { id: 'e1', type: 'OPENED', at: '2026-12-06T10:00:00.000Z', compartment: { id: 'c1' } } },
    ],
  ];
  test.each(cases)('%s, as the dashboards select it', async (_name, query, event, data) => {
    const schema = await createSchema();
    const result = execute({
      schema,
      document: parse(query),
      rootValue: event,
      contextValue: {},
      variableValues: { s: 's1' },
    }) as ExecutionResult | Promise<ExecutionResult>;
    expect(result).not.toBeInstanceOf(Promise);
    expect(JSON.parse(JSON.stringify(await result))).toEqual({ data }); // as the client reads it
  });
});
