/** Waited longer than this while requests crowd it out, the hand-out takes larger turns. */
const SLOW_LAG_MS = 2000;
const SLOW_BUDGET_MS = 10;
/** Below this share of the event loop's time, requests crowd the hand-out out. */
const CROWDED_SHARE = 0.5;
/** Waited longer than this, a turn hands out everything queued. */
const MAX_LAG_MS = 10_000;

/**
 * How much of one turn the hand-out may take, by how long its oldest entry has waited and what
 * share of the loop's time its recent turns had (`share`, 0-1). Larger turns only help when
 * requests take most of the loop: when the hand-out already has it, its turns follow each
 * other at once and larger ones drain it no faster, they only make each request wait longer
 * (a scan's every round trip waited up to a whole turn while dashboards were a burst behind).
 */
export function turnBudget(budgetMs: number, lagMs: number, share: number): number {
  if (lagMs > MAX_LAG_MS) return Infinity;
  return lagMs > SLOW_LAG_MS && share < CROWDED_SHARE ? Math.max(budgetMs, SLOW_BUDGET_MS) : budgetMs;
}

/**
 * Calls `done` once the work this turn's hand-out set off has run: a listener's result settles
 * in microtasks and its socket, corked meanwhile, is written in a tick after them. A microtask
 * queued first runs before those and queues a tick, which runs before the sockets' ticks; the
 * microtask that tick queues runs after them, and its tick after every one of them.
 */
function afterTurnWork(done: () => void): void {
  queueMicrotask(() => process.nextTick(() => queueMicrotask(() => process.nextTick(done))));
}

/** One hand-out: its listeners are counted when it starts, then served one by one in order. */
export interface FanOut {
  /** Called once, when the queue reaches it: how many listeners it has. */
  start(): number;
  /**
   * What serving one listener costs, in events (read after `start`; 1 when absent): a door
   * report's hand-out gives each dashboard 48 events where a scan's gives it two.
   */
  readonly weight?: number;
  deliverTo(index: number): void;
}

/**
 * Hands events out to many listeners without holding the process for a whole burst. A site
 * reporting every door at once means tens of thousands of frames for a thousand dashboards;
 * written in one go, they kept every request waiting (a scan's next statement, a door report's
 * commit) for seconds. Here hand-outs start in the turn of the event loop after they are
 * added (so what one commit publishes is handed out together), each turn takes about
 * `budgetMs`, what the listeners do with their events included (`costPerEvent`), then
 * yields to I/O and goes on in the next turn. In the order added.
 *
 * Requests first, but not forever: once the oldest hand-out has waited long while requests
 * take most of the loop, more of each turn goes to handing out (`turnBudget`), so dashboards
 * fall at most a few seconds behind, and under load that never ends the queue cannot grow
 * without bound (past `MAX_LAG_MS` a turn hands out everything, and requests wait as they did
 * before).
 */
export class FanOutQueue {
  private readonly queue: Turn[] = [];
  private scheduled = false;
  /**
   * What handing one event to one listener costs a turn, in ms, the listeners' work included:
   * a subscription's result is executed and written after the hand-out, in the same turn, and
   * costs several times the hand-out itself. Counted per event, not per listener, so a turn
   * after small hand-outs does not serve a burst's listeners (many events each) at their price.
   * Measured on each turn, half-weighted (0: none yet).
   */
  private costPerEvent = 0;
  /** The share of the loop's time the hand-out's recent turns had, half-weighted per turn. */
  private share = 1;
  /** The last turn, while the queue has more for the next one (null: it emptied). */
  private lastTurn: { started: number; cost: number } | null = null;

  constructor(private readonly budgetMs: number) {}

  add(fanOut: FanOut): void {
    const last = this.queue.at(-1);
    if (last && !last.started) last.fanOuts.push(fanOut);
    else
      this.queue.push({
        fanOuts: [fanOut],
        sizes: [],
        weights: [],
        started: false,
        next: 0,
        addedAt: performance.now(),
      });
    this.schedule();
  }

  /** Hand-outs not yet finished (for tests and metrics). */
  get pending(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.turn);
  }

  private readonly turn = (): void => {
    this.scheduled = false;
    const started = performance.now();
    const last = this.lastTurn;
    if (last) this.share = (this.share + last.cost / Math.max(started - last.started, last.cost)) / 2;
    const budget = turnBudget(this.budgetMs, started - (this.queue[0]?.addedAt ?? started), this.share);
    const events = this.costPerEvent > 0 ? Math.max(1, Math.floor(budget / this.costPerEvent)) : Infinity;
    let served = 0;
    afterTurnWork(() => this.measure(started, served));
    served = this.handOut(started, budget, events);
  };

  private measure(started: number, served: number): void {
    const took = performance.now() - started;
    this.lastTurn = this.queue.length > 0 ? { started, cost: took } : null;
    if (served === 0) return;
    const cost = took / served;
    this.costPerEvent = this.costPerEvent === 0 ? cost : (this.costPerEvent + cost) / 2;
  }

  /**
   * Serves listener positions until `events` events are handed out (at least one position) or
   * `budget` ms of hand-out have passed; returns how many events it handed out.
   */
  private handOut(started: number, budget: number, events: number): number {
    let served = 0;
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (!head.started) {
        head.started = true;
        head.sizes = head.fanOuts.map((f) => f.start());
        head.weights = head.fanOuts.map((f) => f.weight ?? 1);
      }
      const size = Math.max(...head.sizes);
      while (head.next < size) {
        if (served > 0 && (served >= events || performance.now() - started > budget)) {
          this.schedule(); // the rest next turn
          return served;
        }
        const i = head.next++;
        for (let f = 0; f < head.fanOuts.length; f++) {
          if (i >= head.sizes[f]!) continue;
          served += head.weights[f]!;
          head.fanOuts[f]!.deliverTo(i);
        }
      }
      this.queue.shift();
    }
    return served;
  }
}

/**
 * The hand-outs added in one turn, served together by listener position: a dashboard joins
 * its site's channels in the same order as the others (door events, then compartments), so
 * position i of each is usually the same client, whose frames of both then leave in one write.
 */
interface Turn {
  fanOuts: FanOut[];
  sizes: number[];
  /** Events per listener of each hand-out (`FanOut.weight`). */
  weights: number[];
  started: boolean;
  next: number;
  addedAt: number;
}
