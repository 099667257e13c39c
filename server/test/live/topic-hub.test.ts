import { describe, expect, test } from 'vitest';
import { createPubSub } from '@graphql-yoga/subscription';
import { TopicHub } from '../../src/events/topic-hub.js';
import { TopicStream } from '../../src/graphql/live/topic-stream.js';

type Topics = { T: [key: string, payload: { n: number }] };
const tick = () => new Promise((r) => setTimeout(r, 10));

function hubOnPubSub(onError?: (e: unknown) => void) {
  const pubSub = createPubSub<Topics>();
  let opened = 0;
  const hub = new TopicHub((topic, key) => {
    opened++;
    return (pubSub.subscribe as (t: string, k: string) => AsyncIterable<unknown>)(topic, key);
  }, onError);
  return { pubSub, hub, opened: () => opened };
}

function recorder() {
  const got: number[] = [];
  let ended = 0;
  return {
    got,
    ended: () => ended,
    listener: { event: (p: { n: number }) => void got.push(p.n), end: () => void ended++ },
  };
}

describe('topic hub: one bus subscription per topic and key, however many listen', () => {
  test('a thousand listeners share one subscription, each gets every event in order; the last to leave closes it', async () => {
    const { pubSub, hub, opened } = hubOnPubSub();
    const listeners = Array.from({ length: 1000 }, () => recorder());
    const stops = listeners.map((r) => hub.listen('T', 'site-1', r.listener));
    const other = recorder();
    hub.listen('T', 'site-2', other.listener);
    expect(opened()).toBe(2);
    for (let n = 1; n <= 5; n++) pubSub.publish('T', 'site-1', { n });
    await tick();
    for (const r of listeners) expect(r.got).toEqual([1, 2, 3, 4, 5]);
    expect(other.got).toEqual([]);

    stops.slice(1).forEach((stop) => stop());
    expect(hub.size).toBe(2);
    pubSub.publish('T', 'site-1', { n: 6 });
    await tick();
    expect(listeners[0]!.got).toEqual([1, 2, 3, 4, 5, 6]);
    expect(listeners[1]!.got).toEqual([1, 2, 3, 4, 5]);
    stops[0]!();
    expect(hub.size).toBe(1);
    hub.listen('T', 'site-1', recorder().listener);
    expect(opened()).toBe(3); // a new listener after the last left opens it again
  });

  test('a listener that throws is dropped and ended; the others still get the event', async () => {
    const errors: unknown[] = [];
    const { pubSub, hub } = hubOnPubSub((e) => errors.push(e));
    const good = recorder();
    let badEnded = 0;
    hub.listen('T', 'k', {
      event: () => {
        throw new Error('boom');
      },
      end: () => void badEnded++,
    });
    hub.listen('T', 'k', good.listener);
    pubSub.publish('T', 'k', { n: 1 });
    pubSub.publish('T', 'k', { n: 2 });
    await tick();
    expect(good.got).toEqual([1, 2]);
    expect(errors).toHaveLength(1);
    expect(badEnded).toBe(1);
  });
});

describe('topic stream: one subscriber, pulled or pushed', () => {
  test('pulled, it buffers in order; attached, the buffer goes first, then every event; return() cleans up once', async () => {
    const { pubSub, hub } = hubOnPubSub();
    let cleanups = 0;
    const stream = new TopicStream<{ n: number }>(
      (l) => hub.listen('T', 'k', l),
      () => void cleanups++,
    );
    pubSub.publish('T', 'k', { n: 1 });
    pubSub.publish('T', 'k', { n: 2 });
    await tick();
    expect((await stream.next()).value).toEqual({ n: 1 });
    const pushed: number[] = [];
    let ended = 0;
    stream.attach({ event: (p) => void pushed.push(p.n), end: () => void ended++ });
    expect(pushed).toEqual([2]);
    pubSub.publish('T', 'k', { n: 3 });
    await tick();
    expect(pushed).toEqual([2, 3]);
    await stream.return();
    await stream.return();
    pubSub.publish('T', 'k', { n: 4 });
    await tick();
    expect(pushed).toEqual([2, 3]);
    expect([cleanups, ended, hub.size]).toEqual([1, 1, 0]);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });
});
