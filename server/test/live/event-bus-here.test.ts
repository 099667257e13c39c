import { describe, expect, test } from 'vitest';
import { createEventBus } from '../../src/events/event-bus.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const command = (id: string) => ({ id }) as never;

/**
 * `listenHere` is how a lock's command reaches a gateway connected to the instance that
 * committed it: inside `publish`, before the publisher goes on and without Redis's round trip.
 */
describe.each([
  ['in-process', null],
  ['with Redis', REDIS_URL],
])('listenHere (%s)', (_name, redisUrl) => {
  test('hears its own (topic, key) inside publish, and nothing once stopped', async () => {
    const errors: unknown[] = [];
    const bus = await createEventBus(redisUrl, {
      prefix: `here-${process.pid}:`,
      onListenerError: (e) => errors.push(e),
    });
    try {
      const heard: string[] = [];
      const stop = bus.listenHere('GATEWAY_COMMAND', 'gw-1', (c) => heard.push(c.id));
      bus.listenHere('GATEWAY_COMMAND', 'gw-2', (c) => heard.push(`other:${c.id}`));
      bus.publish('GATEWAY_COMMAND', 'gw-1', command('c1'));
      expect(heard).toEqual(['c1']); // no await in between
      stop();
      bus.publish('GATEWAY_COMMAND', 'gw-1', command('c2'));
      expect(heard).toEqual(['c1']);
      expect(errors).toEqual([]);
    } finally {
      await bus.close();
    }
  });

  test('a listener that throws is reported; the others and the bus still get the event', async () => {
    const errors: unknown[] = [];
    const bus = await createEventBus(redisUrl, {
      prefix: `here-throw-${process.pid}:`,
      onListenerError: (e) => errors.push(e),
    });
    try {
      const heard: string[] = [];
      bus.listenHere('GATEWAY_COMMAND', 'gw-1', () => {
        throw new Error('socket gone');
      });
      bus.listenHere('GATEWAY_COMMAND', 'gw-1', (c) => heard.push(c.id));
      const throughBus = new Promise<string>((resolve) =>
        bus.listen('GATEWAY_COMMAND', 'gw-1', { event: (c) => resolve(c.id), end: () => {} }),
      );
      expect(await bus.settled(2000)).toBe(true);
      bus.publish('GATEWAY_COMMAND', 'gw-1', command('c1'));
      expect(heard).toEqual(['c1']);
      expect(errors.map((e) => (e as Error).message)).toEqual(['socket gone']);
      expect(await throughBus).toBe('c1');
    } finally {
      await bus.close();
    }
  });
});
