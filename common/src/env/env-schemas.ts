/*
 * The shapes an environment variable can take, as zod schemas over its (trimmed, non-empty)
 * text. Each issue message completes a sentence that starts with the variable's name, so a
 * bad value reads "PORT must be an integer between 0 and 65535".
 */
import * as z from 'zod';

/** An integer in [min, max], written as JavaScript's Number() reads it. */
export function intSchema(min: number, max: number): z.ZodType<number> {
  const error = `must be an integer between ${min} and ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** true / false, also 1 / 0 and yes / no, in any case. */
export function boolSchema(): z.ZodType<boolean> {
  return z.stringbool({
    truthy: ['1', 'true', 'yes'],
    falsy: ['0', 'false', 'no'],
    case: 'insensitive',
    error: 'must be true or false',
  });
}

/** One of `values`; the message lists them ("must be demo or stripe"). */
export function oneOfSchema<const T extends readonly [string, ...string[]]>(
  values: T,
  style: 'or' | 'one of' = 'or',
): z.ZodType<T[number]> {
  const list =
    style === 'or'
      ? `${values.slice(0, -1).join(', ')}${values.length > 1 ? ' or ' : ''}${values.at(-1)}`
      : `one of ${values.join(', ')}`;
  return z.enum(values, { error: `must be ${list}` });
}

/** A URL with one of `protocols` (`['redis:', 'rediss:']`); the text is kept as written. */
export function urlSchema(protocols: readonly string[]): z.ZodType<string> {
  return (
    z
      .url({ error: 'is not a valid URL', abort: true })
      // the scheme as URL reads it: everything before the first colon, in lower case
      .refine((text) => protocols.includes(text.slice(0, text.indexOf(':') + 1).toLowerCase()), {
        error: `must use ${protocols.join(' or ')}`,
      })
  );
}

/** Comma-separated items, blanks dropped; `item`, when given, checks each one. */
export function listSchema(): z.ZodType<string[], string>;
export function listSchema<T>(item: z.ZodType<T>): z.ZodType<T[], string>;
export function listSchema<T>(item?: z.ZodType<T>): z.ZodType<(T | string)[], string> {
  // zod types a pipe's second schema by its input, which for an item schema is unknown
  const items = z.array(item ?? z.string()) as unknown as z.ZodType<(T | string)[], string[]>;
  return z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(items);
}

/** Text of at least `min` characters. */
export function minLengthSchema(min: number): z.ZodType<string, string> {
  return z.string().min(min, { error: `must be at least ${min} characters` });
}

/** Text matching `pattern`; `described` completes "must be ...". */
export function patternSchema(pattern: RegExp, described: string): z.ZodType<string, string> {
  return z.string().regex(pattern, { error: `must be ${described}` });
}
