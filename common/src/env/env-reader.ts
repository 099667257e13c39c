/*
 * Reading a process's environment into a validated configuration: every variable is checked
 * with a schema (env-schemas.ts), every problem is collected, and the caller throws once with
 * the whole list, one line per problem naming the variable.
 */
import type * as z from 'zod';
import { boolSchema, intSchema, oneOfSchema, urlSchema } from './env-schemas.js';

/** The environment, or any map of variable names to text. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** How a reader finds values beyond `NAME` itself. */
export interface EnvReaderOptions {
  /**
   * Reads a file's text (node:fs's readFileSync(path, 'utf8')). Given, `NAME_FILE` supplies
   * `NAME` when `NAME` is unset: secrets mounted as files by Docker, Kubernetes or systemd.
   */
  readFile?: (path: string) => string;
  /** The variables that may come from `NAME_FILE`; all of them when absent. */
  fileVariables?: readonly string[];
}

/** How one variable is read. */
export interface ReadOptions {
  /** A secret's text never appears in a problem; other values are quoted ("got ..."). */
  secret?: boolean;
  /** Says what a good value is instead of the schema's first issue ("must list unit ids 0..255"). */
  message?: string;
}

/** Reads variables through schemas and collects one problem per bad one. */
export class EnvReader {
  readonly #env: EnvSource;
  readonly #options: EnvReaderOptions;
  readonly #problems: string[] = [];
  /** Each variable is read once: a file is read (and its problem recorded) once. */
  readonly #texts = new Map<string, string | null>();

  constructor(env: EnvSource, options: EnvReaderOptions = {}) {
    this.#env = env;
    this.#options = options;
  }

  /** Every problem so far, in the order found. */
  get problems(): readonly string[] {
    return this.#problems;
  }

  /** Records a problem that no single schema sees (two variables that go together). */
  problem(message: string): void {
    this.#problems.push(message);
  }

  /** The trimmed text of `name` (or of the file `NAME_FILE` names); null when unset or blank. */
  text(name: string): string | null {
    if (!this.#texts.has(name)) this.#texts.set(name, this.#lookUp(name));
    return this.#texts.get(name) ?? null;
  }

  #lookUp(name: string): string | null {
    const value = this.#env[name]?.trim();
    if (value) return value;
    const { readFile, fileVariables } = this.#options;
    if (!readFile || (fileVariables && !fileVariables.includes(name))) return null;
    const file = this.#env[`${name}_FILE`]?.trim();
    if (!file) return null;
    try {
      return readFile(file).trim() || null;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      this.problem(`${name}_FILE: cannot read ${file} (${typeof code === 'string' ? code : 'error'})`);
      return null;
    }
  }

  /** `name` through `schema`; `fallback` when unset, and when bad (the problem is recorded). */
  read<T, F = T>(name: string, schema: z.ZodType<T>, fallback: F, options: ReadOptions = {}): T | F {
    const raw = this.text(name);
    if (raw === null) return fallback;
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    const message = options.message ?? result.error.issues[0]?.message ?? 'is not valid';
    this.problem(options.secret ? `${name} ${message}` : `${name} ${message} (got "${raw}")`);
    return fallback;
  }

  /** An integer in [min, max]. */
  int(name: string, fallback: number, min: number, max: number): number {
    return this.read(name, intSchema(min, max), fallback);
  }

  /** A boolean (true/false, 1/0, yes/no). */
  bool(name: string, fallback: boolean): boolean {
    return this.read(name, boolSchema(), fallback);
  }

  /** One of `values`. */
  oneOf<const T extends readonly [string, ...string[]]>(
    name: string,
    values: T,
    fallback: T[number],
    style: 'or' | 'one of' = 'or',
  ): T[number] {
    return this.read(name, oneOfSchema(values, style), fallback);
  }

  /** A URL with one of `protocols`, or null when unset; URLs may hold passwords, so never quoted. */
  url(name: string, protocols: readonly string[]): string | null {
    return this.read(name, urlSchema(protocols), null, { secret: true });
  }
}

/** A configuration with problems: one line per problem under `heading`. */
export class EnvProblemsError extends Error {
  constructor(
    heading: string,
    readonly problems: readonly string[],
  ) {
    super(`${heading}:\n  - ${problems.join('\n  - ')}`);
  }
}
