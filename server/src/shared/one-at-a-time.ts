/**
 * Runs tasks one at a time per key, each once the task given before it for that key has
 * settled (resolved or not); tasks of different keys run side by side. A key with nothing
 * left to run holds no memory.
 */
export class OneAtATime {
  private readonly queues = new Map<string, { last: Promise<unknown>; size: number }>();

  /** `maxQueued`: tasks of one key that may wait or run at once; one more is refused with `refuse()`. */
  constructor(
    private readonly maxQueued: number,
    private readonly refuse: () => Error,
  ) {}

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const queue = this.queues.get(key) ?? { last: Promise.resolve(), size: 0 };
    if (queue.size >= this.maxQueued) return Promise.reject(this.refuse());
    queue.size++;
    this.queues.set(key, queue);
    const result = queue.last.then(task, task);
    queue.last = result.finally(() => {
      if (--queue.size === 0 && this.queues.get(key) === queue) this.queues.delete(key);
    });
    // settled through `result` by the caller; this chain only orders the next task
    queue.last.catch(() => {});
    return result;
  }

  /** Tasks waiting or running for `key` (for tests and metrics). */
  queued(key: string): number {
    return this.queues.get(key)?.size ?? 0;
  }
}
