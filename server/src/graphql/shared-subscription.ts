import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { actorName, type Caller } from '../auth/caller.js';

type Results = AsyncIterableIterator<ExecutionResult>;

/** Per published event: the result of each distinct (caller, operation, variables), computed once. */
const resultsByEvent = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/**
 * graphql-ws's `subscribe`: like graphql's, except that an event's selection is executed once
 * per distinct caller, operation and variables, not once per subscriber. graphql's own
 * `subscribe` re-runs the selection for every subscriber on every event, so a thousand
 * dashboards on one site's doorEvents cost a thousand identical executions per door change.
 * The source stream (authorisation, topic, site filter) stays per subscriber; only the
 * mapping of an event to its result is shared, keyed by the event object, which the event
 * bus hands to every listener (in-process and Redis alike: one parse per message).
 * The caller is part of the key, so a field that depends on who asks is never shared.
 */
export async function sharedSubscribe(args: ExecutionArgs, caller: Caller): Promise<Results | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const who = `${actorName(caller)}|${caller.kind === 'user' ? caller.role : ''}`;
  const key = `${who}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}\n${print(args.document)}`;
  const toResult = (event: unknown): Promise<ExecutionResult> => {
    const run = () => Promise.resolve(execute({ ...args, rootValue: event }));
    if (typeof event !== 'object' || event === null) return run();
    let byKey = resultsByEvent.get(event);
    if (!byKey) resultsByEvent.set(event, (byKey = new Map()));
    let result = byKey.get(key);
    if (!result) byKey.set(key, (result = run()));
    return result;
  };
  return mapEvents(stream[Symbol.asyncIterator](), toResult);
}

/** Maps a stream; `return()` ends the source at once (no waiting for its next event). */
function mapEvents<T, U>(source: AsyncIterator<T>, fn: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  return {
    async next() {
      const r = await source.next();
      return r.done ? { done: true, value: undefined } : { done: false, value: await fn(r.value) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
