import {
  createSourceEventStream,
  execute,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { actorName, type Caller } from '../../auth/caller.js';
import { SharedResult, type ResultFormatter } from './shared-result.js';
import type { SubscriptionDelivery } from './subscription-delivery.js';
import { TopicStream } from './topic-stream.js';

/** Per published event: the result of each distinct (caller, operation, variables), made once. */
const resultsByEvent = new WeakMap<object, Map<string, SharedResult>>();
/** Documents are shared by subscribers sending the same text (ws-server caches them). */
const printedDocuments = new WeakMap<DocumentNode, string>();

export interface SharedSubscribeOptions {
  caller: Caller;
  format: ResultFormatter;
  /** Where this subscription's results are written (graphql-ws over a WebSocket). */
  delivery?: SubscriptionDelivery;
}

/**
 * graphql-ws's `subscribe`. graphql's own runs the selection for every subscriber on every
 * event, and graphql-ws then stringifies each result per subscriber: a thousand dashboards on
 * one site's doorEvents cost a thousand executions and a thousand JSON.stringify per door change.
 * Here an event's result is executed and serialised once per distinct caller, operation and
 * variables (the caller is in the key, so a field that depends on who asks is never shared),
 * and written to each subscriber's socket with its id spliced in (see SubscriptionDelivery).
 * The source stream, with its authorisation and site scope, stays per subscriber.
 *
 * Bus topics (TopicStream) with a socket are pushed: the iterator handed to graphql-ws yields
 * nothing and ends when the stream does, after its last result is written. Any other stream,
 * or one without a socket, goes through graphql-ws as usual.
 */
export async function sharedSubscribe(
  args: ExecutionArgs,
  opts: SharedSubscribeOptions,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  if (!(opts.delivery && stream instanceof TopicStream)) {
    return mapEvents(stream[Symbol.asyncIterator](), (event) =>
      Promise.resolve(execute({ ...args, rootValue: event })),
    );
  }
  const who = `${actorName(opts.caller)}|${opts.caller.kind === 'user' ? opts.caller.role : ''}`;
  let text = printedDocuments.get(args.document);
  if (text === undefined) printedDocuments.set(args.document, (text = print(args.document)));
  const key = `${who}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}\n${text}`;
  const resultOf = (event: unknown): SharedResult => {
    const run = () => new SharedResult(execute({ ...args, rootValue: event }), opts.format);
    if (typeof event !== 'object' || event === null) return run();
    let byKey = resultsByEvent.get(event);
    if (!byKey) resultsByEvent.set(event, (byKey = new Map<string, SharedResult>()));
    let result = byKey.get(key);
    if (!result) byKey.set(key, (result = run()));
    return result;
  };
  return pushTo(stream, opts.delivery, resultOf);
}

function pushTo<T>(
  stream: TopicStream<T>,
  delivery: SubscriptionDelivery,
  resultOf: (event: T) => SharedResult,
): AsyncIterableIterator<ExecutionResult> {
  let finish = () => {};
  const finished = new Promise<IteratorResult<ExecutionResult>>(
    (resolve) => (finish = () => resolve({ done: true, value: undefined })),
  );
  stream.attach({ event: (event) => delivery.push(resultOf(event)), end: () => delivery.end(finish) });
  const stop = async () => {
    delivery.close();
    await stream.return();
    finish();
  };
  return {
    next: () => finished,
    async return() {
      await stop();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await stop();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
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
