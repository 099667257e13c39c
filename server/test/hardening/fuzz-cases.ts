import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';

/** A small seeded generator (mulberry32): the same seed gives the same cases, so a failure can be replayed. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '..', '..', 'schema.graphql'), 'utf8'));

/** Strings that have broken servers: control characters, bidi tricks, invalid surrogates, injection, huge. */
export const NASTY_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u001b[31mred\u001b[0m',
  '\u202eevil',
  '\u200b\u200b',
  '\ud800',
  '\udfff x',
  "'; drop table site; --",
  '%E0%A4%A',
  '../../etc/passwd',
  '=cmd|"/c calc"!A1',
  '{"$gt":""}',
  '\r\n\r\nHTTP/1.1 200 OK',
  'e\u0301',
  '\u0085\u2028\u2029',
  'x'.repeat(5000),
  '\u200d'.repeat(9000),
  '𝕏'.repeat(300),
];
const NASTY_IDS = [
  '',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff\u0000',
  '1 or 1=1',
  '-1',
  'null',
  '00000000-0000-4000-8000-000000000000',
];
const NASTY_DATES = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1969-12-31T23:59:59Z',
  '2026-02-30T00:00:00Z',
  'yesterday',
  '',
  '2026-01-01',
  '+275760-09-13T00:00:00Z',
  '2026-01-01T00:00:00+99:00',
];
const NASTY_INTS: unknown[] = [
  0,
  -1,
  1,
  2147483647,
  2147483648,
  -2147483649,
  1e21,
  3.5,
  '7',
  null,
  true,
  Number.MAX_SAFE_INTEGER,
];

export interface GqlCase {
  kind: 'graphql';
  operation: 'query' | 'mutation' | 'subscription';
  field: string;
  query: string;
  variables: Record<string, unknown>;
  /** Every string argument carries a value the input policy refuses: a mutation that must write nothing. */
  poisoned: boolean;
}

function value(rng: Rng, type: GraphQLInputType, depth: number, poison: boolean): unknown {
  if (isNonNullType(type)) return value(rng, type.ofType, depth, poison);
  if (!poison && rng.chance(0.08)) return null;
  if (isListType(type))
    return Array.from({ length: rng.int(depth > 2 ? 1 : 4) }, () =>
      value(rng, type.ofType, depth + 1, poison),
    );
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(type.getFields()))
      if (depth < 4 && (isNonNullType(field.type) || rng.chance(0.6)))
        out[name] = value(rng, field.type, depth + 1, poison);
    if (rng.chance(0.05)) out.unknownField = 'x';
    return out;
  }
  if (isEnumType(type))
    return rng.chance(0.85) ? rng.pick(type.getValues()).name : rng.pick(['NOPE', '', 'small', 1]);
  const named = getNamedType(type).name;
  if (named === 'String')
    return poison ? `${rng.pick(['ok', 'Gare', 'a@b.c'])}\u0000${rng.int(9)}` : rng.pick(NASTY_STRINGS);
  if (named === 'ID')
    return poison ? `00000000-0000-4000-8000-00000000000${rng.int(9)}\u0000` : rng.pick(NASTY_IDS);
  if (named === 'DateTime') return poison ? '0000-01-01T00:00:00Z' : rng.pick(NASTY_DATES);
  if (named === 'Int' || named === 'Float') return rng.pick(NASTY_INTS);
  if (named === 'Boolean') return rng.pick([true, false, 'true', 0]);
  return rng.pick(NASTY_STRINGS);
}

function selection(rng: Rng, type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const chosen = fields.filter(() => rng.chance(0.5)).slice(0, 6);
  if (chosen.length === 0) chosen.push(fields.find((f) => isLeafType(getNamedType(f.type))) ?? fields[0]!);
  const parts = chosen.map((f) => {
    const named = getNamedType(f.type);
    if (isLeafType(named)) return f.name;
    if (!isObjectType(named) || depth >= 2) return null;
    return `${f.name} { ${selection(rng, named, depth + 1)} }`;
  });
  const out = parts.filter(Boolean).join(' ');
  return out || '__typename';
}

function hasText(field: GraphQLField<unknown, unknown>): boolean {
  const walk = (t: GraphQLInputType, depth: number): boolean => {
    const named = getNamedType(t);
    if (named.name === 'String' || named.name === 'ID' || named.name === 'DateTime') return true;
    return (
      isInputObjectType(named) &&
      depth < 3 &&
      Object.values(named.getFields()).some((f) => isNonNullType(f.type) && walk(f.type, depth + 1))
    );
  };
  return field.args.some((a) => isNonNullType(a.type) && walk(a.type, 0));
}

/** A GraphQL operation on a random root field, with hostile arguments (as variables or inline). */
export function graphqlCase(rng: Rng, operation: GqlCase['operation'], poison: boolean): GqlCase {
  const root =
    operation === 'query'
      ? schema.getQueryType()!
      : operation === 'mutation'
        ? schema.getMutationType()!
        : schema.getSubscriptionType()!;
  const candidates = Object.values(root.getFields()).filter((f) => !poison || hasText(f));
  const field = rng.pick(candidates);
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  const args: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) && !poison && rng.chance(0.5)) continue;
    const name = `v_${arg.name}`;
    defs.push(`$${name}: ${arg.type.toString()}`);
    args.push(`${arg.name}: $${name}`);
    variables[name] = value(rng, arg.type, 0, poison);
  }
  const named = getNamedType(field.type);
  const body = isObjectType(named) ? ` { ${selection(rng, named, 0)} }` : '';
  const query = `${operation}${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${body} }`;
  return { kind: 'graphql', operation, field: field.name, query, variables, poisoned: poison };
}

export interface RawCase {
  kind: 'raw';
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const PATHS = [
  '/',
  '/graphql',
  '/graphql?query=%7B__typename%7D',
  '/graphql?query=%E0%A4%A',
  '/kiosk/',
  '/kiosk/%E0%A4%A',
  '/kiosk/%',
  '/kiosk/..%2f..%2fetc%2fpasswd',
  '/kiosk/assets/%00.js',
  '/admin',
  '/admin/%C0%AE%C0%AE/',
  '/healthz',
  '/readyz',
  '/webhooks/stripe',
  '/reports/sessions.csv',
  '/reports/sessions.csv?from=0000-01-01&to=x',
  '/reports/%ff.csv',
  '/reports/usage.csv?siteId=%00',
  '//graphql',
  '/graphql/',
  '/nope',
  `/${'a'.repeat(3000)}`,
  '/kiosk/' + '%2e%2e/'.repeat(20),
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND'];
const TYPES = [
  'application/json',
  'text/plain',
  'application/graphql',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  '',
];

/** A request below GraphQL: odd paths, methods, content types, encodings and bodies. */
export function rawCase(rng: Rng): RawCase {
  const bodies: (() => Buffer)[] = [
    () => Buffer.from('{"query":'),
    () => Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]),
    () => Buffer.from(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }])),
    () => Buffer.from(JSON.stringify({ query: 42, variables: 'x' })),
    () =>
      Buffer.from(
        JSON.stringify({
          query: '{ __typename }',
          variables: { a: '\u0000' },
          extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } },
        }),
      ),
    () => Buffer.from('x'.repeat(rng.pick([1, 1000, 300 * 1024]))),
    () => Buffer.from(JSON.stringify({ query: `{ ${'me { id } '.repeat(rng.pick([10, 3000]))} }` })),
    () => Buffer.from(JSON.stringify({ query: 'query { '.repeat(500) })),
    () => Buffer.from('null'),
    () => Buffer.from('"\\ud800"'),
  ];
  const headers: Record<string, string> = { 'content-type': rng.pick(TYPES) };
  if (rng.chance(0.3))
    headers.authorization = rng.pick([
      'Bearer',
      'Bearer x',
      'Basic abc',
      'Bearer lkk_' + 'a'.repeat(43),
      'Bearer lkd_\u00ff',
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    ]);
  if (rng.chance(0.2)) headers['x-forwarded-for'] = rng.pick(['1.2.3.4', 'garbage', '::1, 10.0.0.1', '']);
  if (rng.chance(0.2)) headers['apollo-require-preflight'] = '1';
  if (rng.chance(0.1)) headers['x-request-id'] = 'id\u00ff\u00fe';
  if (rng.chance(0.1)) headers['stripe-signature'] = 't=1,v1=00';
  const method = rng.pick(METHODS);
  const body = method === 'GET' || method === 'HEAD' ? undefined : rng.pick(bodies)();
  return { kind: 'raw', method, path: rng.pick(PATHS), headers, body };
}

/** A WebSocket session: a connection_init (maybe odd) then messages, some not of the protocol at all. */
export function wsMessages(rng: Rng, token: string | undefined): string[] {
  const init = rng.pick([
    JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} }),
    JSON.stringify({ type: 'connection_init', payload: { authorization: 42 } }),
    JSON.stringify({ type: 'connection_init', payload: 'x' }),
    '{"type":"connection_init"',
  ]);
  const messages = [init];
  for (let i = 0, n = 1 + rng.int(4); i < n; i++) {
    const op = graphqlCase(
      rng,
      rng.pick(['query', 'subscription', 'subscription', 'mutation']),
      rng.chance(0.5),
    );
    messages.push(
      rng.pick([
        JSON.stringify({
          id: String(rng.int(3)),
          type: 'subscribe',
          payload: { query: op.query, variables: op.variables },
        }),
        JSON.stringify({
          id: String(rng.int(3)),
          type: 'subscribe',
          payload: { query: op.query, variables: op.variables },
        }),
        JSON.stringify({ id: '1', type: 'complete' }),
        JSON.stringify({ type: 'ping', payload: '\u0000' }),
        JSON.stringify({ id: {}, type: 'subscribe', payload: null }),
        JSON.stringify({
          id: 'x',
          type: 'subscribe',
          payload: { query: `subscription { ${'doorEvents { id } '.repeat(1500)} }` },
        }),
        'not json',
        '\u0000\u0001',
      ]),
    );
  }
  return messages;
}
