import type { Logger } from '../observability/logger.js';

/** One step of a shutdown: its name (for the log), the work, and how long it may take. */
export interface ShutdownStep {
  name: string;
  work: () => unknown;
  timeoutMs?: number;
}

/**
 * Runs `steps` one after another, each bounded (10 s unless it says otherwise): a stuck peer
 * must not keep a stopping server alive. A step that fails or times out is logged and the
 * next one runs.
 */
export async function shutdownInOrder(steps: readonly ShutdownStep[], logger: Logger): Promise<void> {
  for (const { name, work, timeoutMs = 10_000 } of steps) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
    const outcome = await Promise.race([
      Promise.resolve()
        .then(work)
        .catch((err: unknown) => logger.warn({ err, step: name }, 'shutdown step failed')),
      timeout,
    ]);
    clearTimeout(timer);
    if (outcome === 'timeout') logger.warn({ step: name, ms: timeoutMs }, 'shutdown step timed out');
  }
}
