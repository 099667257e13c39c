import { describe, expect, test } from 'vitest';
import { createPubSub } from '@graphql-yoga/subscription';
import { TopicHub, type TopicHubOptions } from '../../src/events/topic-hub.js';
import { turnBudget } from '../../src/events/fan-out-queue.js';
import { TopicStream } from '../../src/graphql/live/topic-stream.js';

type Topics = { T: [key: string, payload: { n: number }]; SESSION: [key: string, payload: { n: number }] };
const tick = () => new Promise((r) => setTimeout(r, 10));
/** Until the hub has read what was published and handed all of it out (slices take turns). */
async function settled(hub: TopicHub): Promise<void> {
  await tick();
  while (hub.queued > 0) await new Promise((r) => setImmediate(r));
}

function hubOnPubSub(onError?: (e: unknown) => void, options: Omit<TopicHubOptions, 'onListenerError'> = {}) {
  const pubSub = createPubSub<Topics>();
  let opened = 0;
  const hub = new TopicHub(
    (topic, key) => {
      opened++;
      return (pubSub.subscribe as (t: string, k: string) => AsyncIterable<unknown>)(topic, key);
    },
    { onListenerError: onError, ...options },
  );
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
    await settled(hub);
    for (const r of listeners) expect(r.got).toEqual([1, 2, 3, 4, 5]);
    expect(other.got).toEqual([]);

    stops.slice(1).forEach((stop) => stop());
    expect(hub.size).toBe(2);
    pubSub.publish('T', 'site-1', { n: 6 });
    await settled(hub);
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
    hub.listen('T', 'k', {
      event: () => {
        throw new Error('boom in event');
      },
      end: () => {
        throw new Error('boom in end too');
      },
    });
    hub.listen('T', 'k', good.listener);
    pubSub.publish('T', 'k', { n: 1 });
    pubSub.publish('T', 'k', { n: 2 });
    await settled(hub);
    expect(good.got).toEqual([1, 2]);
    expect(errors).toHaveLength(3); // each throw reported; none stopped the hand-out
    expect(badEnded).toBe(1);
  });
});

describe('topic hub: a burst is handed out in slices, requests go on in between', () => {
  /** A listener that costs `micros` of CPU per event, as writing a frame to a socket does. */
  function busy(micros: number, got: number[]) {
    return {
      event: (p: { n: number }) => {
        const until = performance.now() + micros / 1000;
        while (performance.now() < until);
        got.push(p.n);
      },
      end: () => {},
    };
  }

  test('the event loop turns during a fan-out of 5 events to 1,000 listeners; each listener still gets all five in order', async () => {
    const { pubSub, hub } = hubOnPubSub(undefined, { budgetMs: 2 });
    const got = Array.from({ length: 1000 }, () => [] as number[]);
    got.forEach((g) => hub.listen('T', 'site', busy(10, g)));
    for (let n = 1; n <= 5; n++) pubSub.publish('T', 'site', { n });
    // what a request would see when its I/O comes back during the burst (50 ms of hand-out)
    const handedOutWhenIoRan = await new Promise<number>((resolve) =>
      setImmediate(() => resolve(got.reduce((sum, g) => sum + g.length, 0))),
    );
    expect(handedOutWhenIoRan).toBeLessThan(1000);
    await settled(hub);
    for (const g of got) expect(g).toEqual([1, 2, 3, 4, 5]);
  });

  test("an immediate topic (a person's own session) is handed out at once, ahead of a burst under way", async () => {
    const { pubSub, hub } = hubOnPubSub(undefined, { budgetMs: 2, immediate: (t) => t === 'SESSION' });
    const dashboards = Array.from({ length: 1000 }, () => [] as number[]);
    dashboards.forEach((g) => hub.listen('T', 'site', busy(10, g)));
    const sessionUpdates: number[] = [];
    let dashboardsDoneWhenSessionCame = -1;
    hub.listen('SESSION', 'session-1', {
      event: (p: { n: number }) => {
        sessionUpdates.push(p.n);
        dashboardsDoneWhenSessionCame = dashboards.filter((g) => g.length === 5).length;
      },
      end: () => {},
    });
    for (let n = 1; n <= 5; n++) pubSub.publish('T', 'site', { n });
    await new Promise((r) => setImmediate(r));
    pubSub.publish('SESSION', 'session-1', { n: 1 });
    await settled(hub);
    expect(sessionUpdates).toEqual([1]);
    expect(dashboardsDoneWhenSessionCame).toBeLessThan(1000);
    for (const g of dashboards) expect(g).toEqual([1, 2, 3, 4, 5]);
  });

  test('what one turn publishes leaves together; a listener that joins meanwhile gets only what was read after it joined', async () => {
    const { pubSub, hub } = hubOnPubSub();
    const early = recorder();
    hub.listen('T', 'site', early.listener);
    pubSub.publish('T', 'site', { n: 1 });
    // the hub reads event 1 within this turn (a few promise jobs); its hand-out waits for the next
    for (let i = 0; i < 50; i++) await Promise.resolve();
    const late = recorder();
    hub.listen('T', 'site', late.listener);
    pubSub.publish('T', 'site', { n: 2 });
    await settled(hub);
    expect(early.got).toEqual([1, 2]);
    expect(late.got).toEqual([2]);
  });

  test("the channels of one turn are served by listener position: a dashboard's two subscriptions are written together", async () => {
    const { pubSub, hub } = hubOnPubSub();
    const order: string[] = [];
    for (const client of ['c1', 'c2', 'c3'])
      for (const site of ['doors', 'compartments'])
        hub.listen('T', site, { event: () => void order.push(`${client}:${site}`), end: () => {} });
    pubSub.publish('T', 'doors', { n: 1 });
    pubSub.publish('T', 'compartments', { n: 1 });
    await settled(hub);
    expect(order).toEqual([
      'c1:doors',
      'c1:compartments',
      'c2:doors',
      'c2:compartments',
      'c3:doors',
      'c3:compartments',
    ]);
  });

  test("a turn's budget holds what listeners do after the hand-out: results settle and sockets are written in the same turn", async () => {
    const { pubSub, hub } = hubOnPubSub(undefined, { budgetMs: 2 });
    // each listener's work runs in a microtask after the hand-out, as a subscription's result does
    const later = (micros: number, got: number[]) => ({
      event: (p: { n: number }) =>
        queueMicrotask(() => {
          const until = performance.now() + micros / 1000;
          while (performance.now() < until);
          got.push(p.n);
        }),
      end: () => {},
    });
    const got = Array.from({ length: 3000 }, () => [] as number[]);
    got.forEach((g) => hub.listen('T', 'site', later(20, g)));
    const turnsOf = async (n: number) => {
      let turns = 0;
      let counting = true;
      const count = () => {
        turns++;
        if (counting) setImmediate(count);
      };
      setImmediate(count);
      pubSub.publish('T', 'site', { n });
      await settled(hub);
      counting = false;
      return turns;
    };
    await turnsOf(1); // the first hand-out measures what a listener costs
    // 60 ms of listeners' work in turns of about 2 ms: many turns, not the one it took before
    expect(await turnsOf(2)).toBeGreaterThanOrEqual(10);
    for (const g of got) expect(g).toEqual([1, 2]);
  });

  test("a burst's many events per listener are priced per event: a turn after small hand-outs serves few of its listeners", async () => {
    const { pubSub, hub } = hubOnPubSub(undefined, { budgetMs: 2 });
    let iteration = 0; // turns of the event loop, counted while the burst goes out
    const servedIn: number[] = []; // the turn in which each listener got the burst's first event
    const busyLater = (micros: number, got: number[]) => ({
      event: (p: { n: number }) => {
        if (p.n === 1) servedIn.push(iteration);
        queueMicrotask(() => {
          const until = performance.now() + micros / 1000;
          while (performance.now() < until);
          got.push(p.n);
        });
      },
      end: () => {},
    });
    const got = Array.from({ length: 100 }, () => [] as number[]);
    got.forEach((g) => hub.listen('T', 'site', busyLater(100, g)));
    // one event each: the queue learns what a listener's event costs (0.1 ms)
    pubSub.publish('T', 'site', { n: 0 });
    await settled(hub);
    // then 40 events each in one hand-out (a bank's door report): 4 ms per listener
    let counting = true;
    const count = () => {
      iteration++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    for (let n = 1; n <= 40; n++) pubSub.publish('T', 'site', { n });
    await settled(hub);
    counting = false;
    const perTurn = new Map<number, number>();
    for (const t of servedIn) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
    // priced per listener, the first turn served ~20 of them (2 ms / 0.1 ms): 80 ms in one turn
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(2);
    for (const g of got) expect(g).toEqual(Array.from({ length: 41 }, (_, n) => n));
  });

  test('the longer dashboards lag while requests crowd them out, the more of each turn goes to them; past 10 s, all of it', () => {
    const lags = [0, 1999, 2001, 9999, 10_001];
    expect(lags.map((lag) => turnBudget(2, lag, 0.2))).toEqual([2, 2, 10, 10, Infinity]);
    // the hand-out already has most of the loop: larger turns would drain it no faster
    expect(lags.map((lag) => turnBudget(2, lag, 0.9))).toEqual([2, 2, 2, 2, Infinity]);
  });

  test('a hand-out that has the loop to itself keeps its small turns however far behind it is: requests wait one of them', async () => {
    const { pubSub, hub } = hubOnPubSub(undefined, { budgetMs: 1 });
    const later = (got: number[]) => ({
      event: (p: { n: number }) =>
        queueMicrotask(() => {
          const until = performance.now() + (p.n === 0 ? 0.01 : 1);
          while (performance.now() < until);
          got.push(p.n);
        }),
      end: () => {},
    });
    const got = Array.from({ length: 2600 }, () => [] as number[]);
    got.forEach((g) => hub.listen('T', 'site', later(g)));
    pubSub.publish('T', 'site', { n: 0 }); // the queue learns what a listener costs
    await settled(hub);
    // 2.6 s of listeners' work for one event; a request arriving each turn notes how long it waited
    const waits: Array<{ at: number; waited: number }> = [];
    const start = performance.now();
    let last = start;
    let probing = true;
    const probe = () => {
      const now = performance.now();
      waits.push({ at: now - start, waited: now - last });
      last = now;
      if (probing) setImmediate(probe);
    };
    setImmediate(probe);
    pubSub.publish('T', 'site', { n: 1 });
    await settled(hub);
    probing = false;
    const late = waits
      .filter((w) => w.at > 2100)
      .map((w) => w.waited)
      .sort((a, b) => a - b);
    expect(late.length).toBeGreaterThan(50);
    // turns of about 1 ms, not the 10 ms a lagging hand-out took while nothing else wanted the loop
    expect(late[Math.floor(late.length / 2)]).toBeLessThan(4);
    for (const g of got) expect(g).toEqual([0, 1]);
  }, 20_000);

  test('a listener that leaves while events are queued for it gets none of them', async () => {
    const { pubSub, hub } = hubOnPubSub(undefined, { budgetMs: 1 });
    const got = Array.from({ length: 300 }, () => [] as number[]);
    const stops = got.map((g) => hub.listen('T', 'site', busy(10, g)));
    for (let n = 1; n <= 3; n++) pubSub.publish('T', 'site', { n });
    await new Promise((r) => setImmediate(r));
    stops.at(-1)!();
    await settled(hub);
    expect(got[0]).toEqual([1, 2, 3]);
    expect(got.at(-1)).toEqual([]);
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
    await settled(hub);
    expect((await stream.next()).value).toEqual({ n: 1 });
    const pushed: number[] = [];
    let ended = 0;
    stream.attach({ event: (p) => void pushed.push(p.n), end: () => void ended++ });
    expect(pushed).toEqual([2]);
    pubSub.publish('T', 'k', { n: 3 });
    await settled(hub);
    expect(pushed).toEqual([2, 3]);
    await stream.return();
    await stream.return();
    pubSub.publish('T', 'k', { n: 4 });
    await settled(hub);
    expect(pushed).toEqual([2, 3]);
    expect([cleanups, ended, hub.size]).toEqual([1, 1, 0]);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });
});
