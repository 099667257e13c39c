/**
 * A swarm of graphql-ws clients in its own process (so the server's RSS is the server's, and
 * the clients' CPU shows up apart). Driven over IPC by the parent:
 *   start   -> opens `clients` connections (in batches), each subscribing to doorEvents and,
 *              for dashboards, compartmentUpdated; answers `ready` with counts and errors
 *   collect -> given the reports the parent sent, matches every received event to its report
 *              and answers with latency quantiles and lost events
 *   quiet   -> answers `quiet` once no result has arrived for `ms` (or after `maxMs`), so a
 *              measurement does not start while an earlier phase's events are still arriving
 *   stop    -> closes every client and exits
 *
 * The swarm stands in for a thousand dashboards on their own machines while sharing this one's
 * two cores with the server, so each subscription result costs it as little as it can: the
 * frame's arrival time and its bytes are kept as it arrives (`RecordingSocket`), and read only
 * at `collect`. graphql-ws parsing and dispatching each result as it came took ~0.8 s of CPU
 * for one bank's 48,000 frames, more than the delivery being measured. The bytes are copied
 * into large chunks shared by all clients (`FrameLog`): kept as a Buffer each, a 480-door burst
 * left a million small objects for the garbage collector to move while the server was being
 * measured, and events of earlier phases are dropped at `collect` for the same reason.
 */
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { quantile, wallNow } from '../lib/stats.ts';

/** Messages from the parent. */
export type SwarmCommand =
  | { type: 'start'; url: string; token: string; clients: number; dashboards: boolean; siteId: string }
  | { type: 'collect'; reports: SentReport[] }
  | { type: 'quiet'; ms: number; maxMs: number }
  | { type: 'stop' };

/** One door report as the parent sent it (`at` in ms, `sentAt` on the shared wall clock). */
export interface SentReport {
  compartmentId: string;
  state: 'OPEN' | 'CLOSED';
  at: number;
  sentAt: number;
}

/** An event some clients never got: which report it was for, and how many clients lack it. */
export interface LostEvent {
  kind: 'doorEvents' | 'compartmentUpdated';
  compartmentId: string;
  state: 'OPEN' | 'CLOSED';
  at: number;
  clients: number;
}

/** Messages to the parent. */
export type SwarmReply =
  | { type: 'ready'; connected: number; errors: string[]; connectMs: number }
  | { type: 'quiet'; waitedMs: number; quiet: boolean }
  | {
      type: 'collected';
      deliveries: number;
      expected: number;
      lost: number;
      p50: number;
      p99: number;
      max: number;
      /** Per report, the time until the last client had it; median and p99 over reports. */
      everyClientP50: number;
      everyClientP99: number;
      /** This process's CPU use since the clients connected, in % of one core. */
      clientCpuPercent: number;
      /** Which events were lost, and by how many clients (the first few). */
      missing: LostEvent[];
      errors: string[];
    };

/**
 * Subscription results as they arrived, not yet read, of every client: arrival time, client and
 * bytes, the bytes copied one after another into fixed chunks (a full chunk is followed by a
 * new one, nothing is copied twice), so keeping a frame allocates no object of its own.
 */
class FrameLog {
  private static readonly CHUNK = 4 << 20;
  private chunks: Buffer[] = [];
  private used = FrameLog.CHUNK; // of the last chunk: full, so the first frame opens one
  private times: number[] = [];
  private clients: number[] = [];
  /** Per frame: its chunk and where it ends in it (it starts where the one before ended, or at 0). */
  private chunkOf: number[] = [];
  private ends: number[] = [];

  add(at: number, client: number, frame: Buffer): void {
    if (this.used + frame.length > FrameLog.CHUNK) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(FrameLog.CHUNK, frame.length)));
      this.used = 0;
    }
    frame.copy(this.chunks.at(-1)!, this.used);
    this.used += frame.length;
    this.times.push(at);
    this.clients.push(client);
    this.chunkOf.push(this.chunks.length - 1);
    this.ends.push(this.used);
  }

  /** Each kept frame with its arrival time and client, oldest first; then empty. */
  drain(read: (at: number, client: number, frame: Buffer) => void): void {
    for (let i = 0; i < this.times.length; i++) {
      const chunk = this.chunkOf[i]!;
      const start = i > 0 && this.chunkOf[i - 1] === chunk ? this.ends[i - 1]! : 0;
      read(this.times[i]!, this.clients[i]!, this.chunks[chunk]!.subarray(start, this.ends[i]));
    }
    this.chunks = [];
    this.used = FrameLog.CHUNK;
    this.times = [];
    this.clients = [];
    this.chunkOf = [];
    this.ends = [];
  }
}

const frames = new FrameLog();

interface Received {
  door: Map<number, number[]>; // at (ms) -> receive times
  comp: Map<string, number[]>; // compartmentId|doorState -> receive times
}

const NEXT = Buffer.from('"type":"next"');
/** When the last subscription result arrived, at any client (wall clock, ms). */
let lastArrival = 0;

/** Waits until no result has arrived for `ms`, at most `maxMs`. */
async function quiet(ms: number, maxMs: number): Promise<void> {
  const t0 = wallNow();
  while (wallNow() - lastArrival < ms && wallNow() - t0 < maxMs) await new Promise((r) => setTimeout(r, 50));
  send({ type: 'quiet', waitedMs: wallNow() - t0, quiet: wallNow() - lastArrival >= ms });
}

/**
 * A ws socket for graphql-ws that keeps each `next` frame (a subscription result) with its
 * arrival time in `frames` instead of handing it to graphql-ws; every other frame (ack, ping,
 * error, complete) goes to graphql-ws as usual. graphql-ws reads frames through `onmessage`.
 */
function recordingSocket(client: number) {
  return class RecordingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      let handler: ((e: { data: string }) => void) | null = null;
      this.on('message', (data: Buffer, isBinary: boolean) => {
        if (!isBinary && data.subarray(0, 64).includes(NEXT))
          frames.add((lastArrival = wallNow()), client, data);
        else handler?.({ data: data.toString() });
      });
      Object.defineProperty(this, 'onmessage', {
        get: () => handler,
        set: (h: typeof handler) => (handler = h),
      });
    }
  };
}

type Result = {
  payload?: {
    data?: { doorEvents?: { at: string }; compartmentUpdated?: { id: string; doorState: string } };
    errors?: unknown;
  };
};

/** Reads the frames kept since the last time into their clients' received events. */
function readFrames(): void {
  frames.drain((now, client, frame) => {
    const mine = received[client]!;
    const { payload } = JSON.parse(frame.toString()) as Result;
    if (payload?.errors) noteError(`subscription result: ${JSON.stringify(payload.errors)}`);
    const door = payload?.data?.doorEvents;
    const c = payload?.data?.compartmentUpdated;
    if (door) push(mine.door, Date.parse(door.at), now);
    else if (c) push(mine.comp, `${c.id}|${c.doorState}`, now);
    else if (!payload?.errors) noteError(`subscription result without data: ${JSON.stringify(payload)}`);
  });
}

const clients: Client[] = [];
const received: Received[] = [];
const errors: string[] = [];
const send = (m: SwarmReply) => process.send?.(m);

function noteError(message: string): void {
  if (errors.length < 20) errors.push(message);
}

async function start(cmd: Extract<SwarmCommand, { type: 'start' }>): Promise<void> {
  const t0 = performance.now();
  let connected = 0;
  const doorQuery = `subscription($s: ID) { doorEvents(siteId: $s) { id type at compartment { id } } }`;
  const compQuery = `subscription($s: ID) { compartmentUpdated(siteId: $s) { id doorState status version } }`;
  const BATCH = 100;
  for (let i = 0; i < cmd.clients; i += BATCH) {
    const batch: Promise<void>[] = [];
    for (let j = i; j < Math.min(cmd.clients, i + BATCH); j++) {
      const mine: Received = { door: new Map(), comp: new Map() };
      received.push(mine);
      batch.push(
        new Promise<void>((resolve) => {
          const client = createClient({
            url: cmd.url,
            webSocketImpl: recordingSocket(j),
            lazy: false,
            retryAttempts: 0,
            connectionParams: { authorization: `Bearer ${cmd.token}` },
            onNonLazyError: (e) => {
              noteError(`client ${j}: ${describe(e)}`);
              resolve();
            },
            on: {
              connected: () => {
                connected++;
                resolve();
              },
              closed: (e) => {
                if (!stopping) noteError(`client ${j} closed: ${describe(e)}`);
              },
            },
          });
          clients.push(client);
          // Results are kept by the socket and read at `collect` (readFrames), never passed here.
          client.subscribe(
            { query: doorQuery, variables: { s: cmd.siteId } },
            {
              next: () => undefined,
              error: (e) => noteError(`doorEvents ${j}: ${describe(e)}`),
              complete: () => undefined,
            },
          );
          if (cmd.dashboards) {
            client.subscribe(
              { query: compQuery, variables: { s: cmd.siteId } },
              {
                next: () => undefined,
                error: (e) => noteError(`compartmentUpdated ${j}: ${describe(e)}`),
                complete: () => undefined,
              },
            );
          }
        }),
      );
    }
    await Promise.all(batch);
  }
  cpuFrom = { usage: process.cpuUsage(), at: performance.now() };
  send({ type: 'ready', connected, errors: [...errors], connectMs: performance.now() - t0 });
}

let stopping = false;
let cpuFrom = { usage: process.cpuUsage(), at: performance.now() };

function push<K, V>(map: Map<K, V[]>, key: K, t: V): void {
  const list = map.get(key);
  if (list) list.push(t);
  else map.set(key, [t]);
}

function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'code' in e)
    return `close ${(e as { code: number }).code} ${(e as { reason?: string }).reason ?? ''}`;
  return String(e);
}

/** Matches each client's events to the reports: door events by `at`, compartment updates by
 * (compartment, door state) to the latest report of that pair sent before the event came. */
function collect(reports: SentReport[]): void {
  const byAt = new Map(reports.map((r) => [r.at, r]));
  const byKey = new Map<string, SentReport[]>();
  for (const r of [...reports].sort((a, b) => a.sentAt - b.sentAt))
    push(byKey, `${r.compartmentId}|${r.state}`, r);
  const latencies: number[] = [];
  const lastArrival = new Map<SentReport, number>();
  const missing = new Map<string, LostEvent>();
  let lost = 0;
  readFrames();
  for (const mine of received) {
    const gotDoor = new Set<SentReport>();
    // Events of no report asked for now are an earlier phase's (a collect is asked again only
    // for the same reports, `collectSettled`): dropped, so they are not carried to the end.
    for (const [at, times] of mine.door) {
      const r = byAt.get(at);
      if (!r) {
        mine.door.delete(at);
        continue;
      }
      gotDoor.add(r);
      for (const t of times) record(r, t);
    }
    const gotComp = new Set<SentReport>();
    for (const [key, times] of mine.comp) {
      const candidates = byKey.get(key);
      if (!candidates) {
        mine.comp.delete(key);
        continue;
      }
      for (const t of times) {
        let match: SentReport | undefined;
        for (const r of candidates) if (r.sentAt <= t) match = r;
        if (!match || gotComp.has(match)) continue;
        gotComp.add(match);
        record(match, t);
      }
    }
    lost += reports.length - gotDoor.size + (dashboards ? reports.length - gotComp.size : 0);
    for (const r of reports) {
      if (!gotDoor.has(r)) missed('doorEvents', r);
      if (dashboards && !gotComp.has(r)) missed('compartmentUpdated', r);
    }
  }
  function missed(kind: LostEvent['kind'], r: SentReport): void {
    const key = `${kind}|${r.compartmentId}|${r.at}`;
    const entry = missing.get(key) ?? {
      kind,
      compartmentId: r.compartmentId,
      state: r.state,
      at: r.at,
      clients: 0,
    };
    entry.clients++;
    missing.set(key, entry);
  }

  function record(r: SentReport, t: number): void {
    latencies.push(t - r.sentAt);
    lastArrival.set(r, Math.max(lastArrival.get(r) ?? 0, t - r.sentAt));
  }
  const perReport = [...lastArrival.values()];
  send({
    type: 'collected',
    deliveries: latencies.length,
    expected: received.length * reports.length * (dashboards ? 2 : 1),
    lost,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: quantile(latencies, 1),
    everyClientP50: quantile(perReport, 0.5),
    everyClientP99: quantile(perReport, 0.99),
    clientCpuPercent: cpuPercent(),
    missing: [...missing.values()].slice(0, 5),
    errors: [...errors],
  });
}

let dashboards = false;

function cpuPercent(): number {
  const used = process.cpuUsage(cpuFrom.usage);
  return ((used.user + used.system) / 1000 / (performance.now() - cpuFrom.at)) * 100;
}

process.on('message', (raw) => {
  const cmd = raw as SwarmCommand;
  if (cmd.type === 'start') {
    dashboards = cmd.dashboards;
    void start(cmd).catch((e: unknown) => {
      noteError(describe(e));
      send({ type: 'ready', connected: 0, errors: [...errors], connectMs: 0 });
    });
  } else if (cmd.type === 'collect') {
    collect(cmd.reports);
  } else if (cmd.type === 'quiet') {
    void quiet(cmd.ms, cmd.maxMs);
  } else {
    stopping = true;
    for (const c of clients) void c.dispose();
    process.exit(0);
  }
});
// The parent going away ends the swarm too (no orphaned sockets).
process.on('disconnect', () => process.exit(0));
