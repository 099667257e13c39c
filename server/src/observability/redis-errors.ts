import type { Logger } from './logger.js';

/**
 * ioredis reports each failed reconnection attempt: logged as JSON, once per outage (the
 * first error names it) and once when it repeats a minute later, not every 50 ms.
 */
export function redisErrorLog(logger: Logger, repeatMs = 60_000): (err: Error) => void {
  let last = 0;
  return (err) => {
    const now = Date.now();
    if (now - last < repeatMs) return;
    last = now;
    logger.error(
      { err: { message: err.message, code: (err as NodeJS.ErrnoException).code, name: err.name } },
      'redis unavailable',
    );
  };
}
