import { describe, expect, it } from 'vitest';
import { backoffDelay, ReconnectLoop } from '../src/shared/reconnect-loop.js';

describe('the reconnect loop both links run', () => {
  it('counts failures in a row, resets the count once a connection came up, and stops', async () => {
    const events: string[] = [];
    const outcomes = ['refused', 'refused', 'up', 'refused'];
    let stopAfter: (() => void) | null = null;
    const loop = new ReconnectLoop({
      connecting: (attempt) => events.push(`connecting ${attempt}`),
      connect: (up) => {
        const outcome = outcomes.shift();
        if (outcome === undefined) {
          // the link ends its own connection when stopped
          return new Promise((resolve) => (stopAfter = () => resolve('stopped')));
        }
        if (outcome === 'up') up();
        return Promise.resolve(outcome === 'up' ? 'dropped' : outcome);
      },
      delayAfter: (failures) => {
        events.push(`delay after ${failures}`);
        return 1;
      },
      down: (attempt, reason) => events.push(`down ${attempt} ${reason}`),
    });
    const done = loop.start();
    await new Promise((r) => setTimeout(r, 50));
    const stopped = loop.stop();
    stopAfter!();
    await stopped;
    await done;
    expect(events).toEqual([
      'connecting 1',
      'delay after 1',
      'down 1 refused',
      'connecting 2',
      'delay after 2',
      'down 2 refused',
      'connecting 3',
      'delay after 0',
      'down 1 dropped',
      'connecting 1',
      'delay after 1',
      'down 1 refused',
      'connecting 2',
    ]);
    expect(loop.stopped).toBe(true);
  });

  it('stop() cuts a wait short', async () => {
    const loop = new ReconnectLoop({
      connecting: () => undefined,
      connect: () => Promise.resolve('refused'),
      delayAfter: () => 60_000,
      down: () => undefined,
    });
    const done = loop.start();
    await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    await loop.stop();
    await done;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('backs off exponentially with jitter, capped', () => {
    for (let i = 0; i < 20; i++) {
      expect(backoffDelay(1, 100, 5000)).toBeGreaterThanOrEqual(80);
      expect(backoffDelay(1, 100, 5000)).toBeLessThanOrEqual(120);
      expect(backoffDelay(3, 100, 5000)).toBeGreaterThanOrEqual(320);
      expect(backoffDelay(3, 100, 5000)).toBeLessThanOrEqual(480);
      expect(backoffDelay(30, 100, 5000)).toBeLessThanOrEqual(6000);
    }
  });
});
