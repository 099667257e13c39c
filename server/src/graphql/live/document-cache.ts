import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';

const MAX_ENTRIES = 500;

/**
 * Subscription documents parsed and validated once per distinct text, not once per subscriber:
 * a thousand dashboards send the same two documents, and each would otherwise hold its own AST.
 * Validation depends only on the schema and the static rules, never on the caller. Errors
 * are kept too (a client retrying a bad document gets the same answer). Oldest out first.
 */
export class DocumentCache {
  private readonly entries = new Map<string, DocumentNode | GraphQLError[]>();
  private readonly rules: ValidationRule[];

  constructor(
    private readonly schema: GraphQLSchema,
    extraRules: ValidationRule[],
    private readonly maxTokens: number,
  ) {
    this.rules = [...specifiedRules, ...extraRules];
  }

  /** The document, or the request errors (each with its code) to answer with. */
  get(text: string): DocumentNode | GraphQLError[] {
    let entry = this.entries.get(text);
    if (entry === undefined) {
      entry = this.load(text);
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(text, entry);
    }
    return entry;
  }

  private load(text: string): DocumentNode | GraphQLError[] {
    let document: DocumentNode;
    try {
      document = parse(text, { maxTokens: this.maxTokens });
    } catch (e) {
      return [
        withCode(e instanceof GraphQLError ? e : new GraphQLError('Invalid query'), 'GRAPHQL_PARSE_FAILED'),
      ];
    }
    const errors = validate(this.schema, document, this.rules);
    return errors.length > 0 ? errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED')) : document;
  }
}

/** Request-level errors carry a code as they do over HTTP, so formatError passes them through. */
function withCode(e: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(e.message, {
    nodes: e.nodes,
    source: e.source,
    positions: e.positions,
    extensions: { code, ...e.extensions },
  });
}
