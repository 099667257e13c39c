/**
 * Serialises requests on one connection: a Modbus link answers one request at a time
 * (RTU strictly; many TCP devices too), so requests wait their turn here.
 */
export class RequestQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Requests queued or running. */
  get depth(): number {
    return this.waiting;
  }

  /** Runs `task` after every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(task, task);
    this.tail = result.then(
      () => this.waiting--,
      () => this.waiting--,
    );
    return result;
  }
}
