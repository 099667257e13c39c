import { expect, test } from 'vitest';
import { createEventBus } from '../../src/events/event-bus.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * At shutdown the bus closes its Redis connections while the last subscriptions may still be
 * ending (their sockets close asynchronously). The unsubscribe they send then must not become
 * an unhandled rejection: the server exits on one, and a clean drain would end with code 1.
 */
test('a subscription that ends after the bus closed, and a publish after it, reject nothing', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const bus = await createEventBus(REDIS_URL, { prefix: `close-test-${process.pid}:` });
    const live = bus.subscribe('GATEWAY_COMMAND', 'gw-1')[Symbol.asyncIterator]();
    const first = live.next();
    expect(await bus.settled(2000)).toBe(true);
    await bus.close();
    await live.return?.();
    await first.catch(() => undefined);
    bus.publish('GATEWAY_COMMAND', 'gw-1', { id: 'late' } as never);
    await new Promise((r) => setTimeout(r, 300));
    expect(unhandled.map(String)).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
