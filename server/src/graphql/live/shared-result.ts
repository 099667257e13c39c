import { GraphQLError, type ExecutionResult, type FormattedExecutionResult } from 'graphql';

/** Turns an execution result into what the client is sent (errors through formatError). */
export type ResultFormatter = (result: ExecutionResult) => FormattedExecutionResult | ExecutionResult;

/**
 * The result of one event for one (caller, operation, variables): executed once, serialised
 * and encoded once, and handed to every subscriber that shares it. `bytes` (its JSON in UTF-8)
 * is set as soon as it is known: at once when every field of the selection resolves
 * synchronously, else when the execution's promise settles (subscribers waiting on it are then
 * called in the order they asked).
 */
export class SharedResult {
  bytes: Buffer | undefined;
  private waiting: Array<() => void> = [];

  constructor(execution: ExecutionResult | Promise<ExecutionResult>, format: ResultFormatter) {
    if (!isPromise(execution)) {
      this.bytes = serialise(execution, format);
      return;
    }
    execution.then(
      (result) => this.settle(serialise(result, format)),
      (error: unknown) => this.settle(serialise({ errors: [asGraphQLError(error)] }, format)),
    );
  }

  whenReady(callback: () => void): void {
    if (this.bytes !== undefined) callback();
    else this.waiting.push(callback);
  }

  private settle(bytes: Buffer): void {
    this.bytes = bytes;
    const waiting = this.waiting;
    this.waiting = [];
    for (const callback of waiting) callback();
  }
}

function serialise(result: ExecutionResult, format: ResultFormatter): Buffer {
  try {
    return Buffer.from(JSON.stringify(format(result)));
  } catch (error) {
    return Buffer.from(JSON.stringify(format({ errors: [asGraphQLError(error)] })));
  }
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const original = error instanceof Error ? error : new Error(String(error));
  return new GraphQLError(original.message, { originalError: original });
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown }).then === 'function';
}
