/**
 * A value that may already be at hand. A resolver that returns one synchronously lets
 * graphql-js complete its fields without a promise and a microtask each: the public read path
 * (`site { availability }`) does so whenever the site's snapshot is cached.
 */
export type MaybePromise<T> = T | Promise<T>;

export const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof (v as PromiseLike<unknown> | null)?.then === 'function';

/** `fn(value)`, now when the value is at hand, after it resolves when it is a promise. */
export function mapMaybe<T, R>(value: MaybePromise<T>, fn: (value: T) => R): MaybePromise<R> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}
