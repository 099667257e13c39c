import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { checkDate, checkText } from '../security/text-policy.js';

/** Arguments that are secrets: checked for control characters, never normalised. */
const SECRET_ARGS = new Set(['password']);

/**
 * Applies the input policy (`security/text-policy.ts`) to every argument of every field,
 * nested input objects and lists included, before any resolver sees it: strings and IDs are
 * checked and NFC-normalised, DateTimes checked for range. Done once by wrapping the schema's
 * resolvers (and subscription sources), so HTTP and WebSocket operations pass the same checks
 * and no resolver can forget them. A violation is BAD_USER_INPUT naming the field
 * (`contact.email`, `compartments.label`).
 */
export function enforceInputPolicy(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type) || isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!('args' in field) || field.args.length === 0 || !needsCheck(field.args)) continue;
      const args = field.args;
      if (field.resolve) field.resolve = guard(field.resolve, args);
      if (field.subscribe) field.subscribe = guard(field.subscribe, args);
    }
  }
}

function guard(
  inner: GraphQLFieldResolver<unknown, unknown>,
  defs: readonly GraphQLArgument[],
): GraphQLFieldResolver<unknown, unknown> {
  return (source, args: Record<string, unknown>, context, info) => {
    const cleaned: Record<string, unknown> = { ...args };
    for (const def of defs) {
      if (args[def.name] !== undefined)
        cleaned[def.name] = clean(args[def.name], def.type, def.name, SECRET_ARGS.has(def.name));
    }
    return inner(source, cleaned, context, info);
  };
}

function clean(value: unknown, type: GraphQLInputType, field: string, secret: boolean): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return clean(value, type.ofType, field, secret);
  if (isListType(type)) return (value as unknown[]).map((v) => clean(v, type.ofType, field, secret));
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    const fields = type.getFields();
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      out[key] = fields[key] ? clean(v, fields[key].type, `${field}.${key}`, SECRET_ARGS.has(key)) : v;
    }
    return out;
  }
  if (typeof value === 'string') return checkText(value, field, { secret });
  if (value instanceof Date && isScalarType(type) && type.name === 'DateTime') return checkDate(value, field);
  return value;
}

/** Only fields with a text, date or input-object argument are wrapped: the rest stay as fast as they were. */
function needsCheck(args: readonly GraphQLArgument[]): boolean {
  return args.some((a) => {
    const named = getNamedType(a.type);
    return (
      isInputObjectType(named) || named.name === 'String' || named.name === 'ID' || named.name === 'DateTime'
    );
  });
}
