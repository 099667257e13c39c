/**
 * Serialises requests on one connection (a Modbus link answers one request at a time: RTU
 * strictly, many TCP devices too), with one exception to first-come-first-served: an
 * urgent task (the OFF of a running pulse) goes before anything else queued, and may book
 * its time (`notBefore`): a normal task that would still be running then is held back, so
 * on a slow board a relay's OFF is not stuck behind another request.
 */

/** How a task is queued. */
export interface QueueOptions {
  /** Goes before every normal task. */
  urgent?: boolean;
  /** Epoch ms before which an urgent task does not start; normal tasks keep clear of it. */
  notBefore?: number;
  /** Called when the task starts (e.g. when a relay's ON write leaves). */
  onStart?: (at: number) => void;
  /** Counts the task's duration in the estimate of one request's time (requests, not hooks). */
  measure?: boolean;
}

interface Entry {
  task: () => Promise<unknown>;
  options: QueueOptions;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A request queue with urgent, time-booked tasks. */
export class RequestQueue {
  private readonly normal: Entry[] = [];
  private readonly urgent: Entry[] = [];
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private estimate = 20;

  /** Tasks queued or running. */
  get depth(): number {
    return this.normal.length + this.urgent.length + (this.running ? 1 : 0);
  }

  /** What one request takes on this link (moving average of measured tasks, ms). */
  get requestMs(): number {
    return this.estimate;
  }

  /** Runs `task` in its turn. */
  run<T>(task: () => Promise<T>, options: QueueOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: Entry = { task, options, resolve: resolve as (v: unknown) => void, reject };
      if (options.urgent) {
        this.urgent.push(entry);
        this.urgent.sort((a, b) => (a.options.notBefore ?? 0) - (b.options.notBefore ?? 0));
      } else this.normal.push(entry);
      this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const now = Date.now();
    const nextUrgent = this.urgent[0];
    const bookedAt = nextUrgent?.options.notBefore ?? 0;
    let entry: Entry | undefined;
    if (nextUrgent && bookedAt <= now) entry = this.urgent.shift();
    // Booked time ahead: a normal task runs only if it should be done by then.
    else if (this.normal.length > 0 && (!nextUrgent || now + this.estimate * 1.2 + 5 <= bookedAt))
      entry = this.normal.shift();
    if (!entry) {
      if (nextUrgent) this.timer = setTimeout(() => this.pump(), bookedAt - now);
      return;
    }
    void this.start(entry);
  }

  private async start(entry: Entry): Promise<void> {
    this.running = true;
    const started = Date.now();
    try {
      entry.options.onStart?.(started);
      entry.resolve(await entry.task());
    } catch (error) {
      entry.reject(error);
    } finally {
      if (entry.options.measure) this.estimate = this.estimate * 0.7 + (Date.now() - started) * 0.3;
      this.running = false;
      this.pump();
    }
  }
}
