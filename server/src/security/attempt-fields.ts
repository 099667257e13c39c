import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Fields that try a secret (a code, a password): each may appear at most once per operation.
 * Aliases would otherwise carry 30 guesses in one request past a per-request limiter.
 */
export const ATTEMPT_FIELDS: ReadonlySet<string> = new Set([
  'login',
  'scanAccessCode',
  'changeDepositSize',
  'sessionByAccessCode',
  'completeAccessRecovery',
  'createPayment',
]);

export const oneAttemptPerOperation: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(operation) {
    const seen = new Map<string, number>();
    const visited = new Set<string>();
    const walk = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          if (ATTEMPT_FIELDS.has(name)) seen.set(name, (seen.get(name) ?? 0) + 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          walk(selection.selectionSet);
        } else if (!visited.has(selection.name.value)) {
          visited.add(selection.name.value);
          const fragment = context.getFragment(selection.name.value);
          if (fragment) walk(fragment.selectionSet);
        }
      }
    };
    walk(operation.selectionSet);
    for (const [name, count] of seen) {
      if (count > 1) {
        context.reportError(
          new GraphQLError(`${name} may appear once per operation (found ${count})`, {
            nodes: [operation],
            extensions: { code: 'BAD_USER_INPUT', field: name },
          }),
        );
      }
    }
  },
});
