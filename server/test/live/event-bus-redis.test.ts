import { expect, test } from 'vitest';
import { createEventBus } from '../../src/events/event-bus.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A door change publishes a door event and a compartment update from one commit. A dashboard
 * on another instance (hearing them through Redis) must get both in one hand-out, so that its
 * socket writes them in one system call: arriving in separate turns, every dashboard cost two
 * writes per change, and a proxy in front relayed two messages instead of one.
 */
test('events published together on one instance are handed out together on another', async () => {
  const prefix = `batch-test-${process.pid}:`;
  const [publisher, receiver] = await Promise.all([
    createEventBus(REDIS_URL, { prefix }),
    createEventBus(REDIS_URL, { prefix }),
  ]);
  try {
    const rounds = 100;
    const together: boolean[] = [];
    let doorOnly = -1;
    const heard = { door: 0, compartment: 0 };
    let doneRound: () => void = () => {};
    receiver.listen('DOOR_EVENT', 'site-1', {
      event: (e) => {
        heard.door++;
        doorOnly = Number(e.id);
        // cleared once the current synchronous hand-out is over
        queueMicrotask(() => (doorOnly = -1));
      },
      end: () => {},
    });
    receiver.listen('COMPARTMENT_UPDATED', 'site-1', {
      event: (c) => {
        heard.compartment++;
        together.push(doorOnly === c.version);
        doneRound();
      },
      end: () => {},
    });
    expect(await receiver.settled(2000)).toBe(true);
    for (let round = 0; round < rounds; round++) {
      const arrived = new Promise<void>((r) => (doneRound = r));
      publisher.publish('DOOR_EVENT', 'site-1', { id: String(round) } as never);
      publisher.publish('COMPARTMENT_UPDATED', 'site-1', { version: round } as never);
      await arrived;
    }
    expect(heard).toEqual({ door: rounds, compartment: rounds });
    expect(together.filter((t) => !t).length).toBe(0);
  } finally {
    await Promise.all([publisher.close(), receiver.close()]);
  }
});
