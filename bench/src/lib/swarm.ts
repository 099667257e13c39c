/** The parent's side of the WebSocket swarm process (src/processes/ws-swarm.ts). */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './bench.ts';
import { PROFILES_DIR } from './system.ts';
import type { SentReport, SwarmCommand, SwarmReply } from '../processes/ws-swarm.ts';

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../processes/ws-swarm.ts');

const SWARM_NICENESS = 10;

/** A running swarm. */
export interface Swarm {
  ready: Extract<SwarmReply, { type: 'ready' }>;
  collect(reports: SentReport[]): Promise<Extract<SwarmReply, { type: 'collected' }>>;
  /**
   * Collects after `settleMs`, and again every second while events are missing, for up to
   * `lateMs` more: an event that comes late counts in the latencies; one that never comes
   * within that time is lost.
   */
  collectSettled(
    reports: SentReport[],
    opts?: { settleMs?: number; lateMs?: number },
  ): Promise<Extract<SwarmReply, { type: 'collected' }>>;
  /**
   * Resolves once no result has reached any client for `ms` (at most `maxMs`): the dashboards
   * have caught up with what came before, so the next measurement times only its own events.
   */
  quiet(ms?: number, maxMs?: number): Promise<Extract<SwarmReply, { type: 'quiet' }>>;
  pid: number;
  /** Closes every client and ends the process (also done at cleanup). */
  stop(): Promise<void>;
}

/** Forks the swarm, opens `clients` subscribed connections, and stops it at the end. */
export async function startSwarm(
  ctx: BenchContext,
  opts: { url: string; token: string; clients: number; dashboards: boolean; siteId: string },
): Promise<Swarm> {
  // BENCH_PROFILE=1 profiles the swarm too: its share of the cores is part of what a figure waits on
  const execArgv = process.env.BENCH_PROFILE
    ? [
        ...process.execArgv,
        '--cpu-prof',
        `--cpu-prof-dir=${PROFILES_DIR}`,
        '--cpu-prof-name=swarm-${pid}.cpuprofile',
      ]
    : process.execArgv;
  const child: ChildProcess = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // The dashboards it plays would each run on their own machine; here they share two cores
  // with the system they measure, so they yield whenever the server or its database could run.
  os.setPriority(child.pid!, SWARM_NICENESS);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.send({ type: 'stop' } satisfies SwarmCommand);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  ctx.defer(stop);
  const next = <T extends SwarmReply['type']>(type: T): Promise<Extract<SwarmReply, { type: T }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: SwarmReply) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        resolve(m as Extract<SwarmReply, { type: T }>);
      };
      child.on('message', onMessage);
      void exited.then(() => reject(new Error('the WebSocket swarm exited')));
      ctx.signal.addEventListener('abort', () => reject(new Error('time limit reached')), { once: true });
    });
  const collect = (reports: SentReport[]) => {
    const reply = next('collected');
    child.send({ type: 'collect', reports } satisfies SwarmCommand);
    return reply;
  };
  const ready = next('ready');
  child.send({ type: 'start', ...opts } satisfies SwarmCommand);
  return {
    ready: await ready,
    pid: child.pid!,
    stop,
    collect,
    quiet(ms = 500, maxMs = 30_000) {
      const reply = next('quiet');
      child.send({ type: 'quiet', ms, maxMs } satisfies SwarmCommand);
      return reply;
    },
    async collectSettled(reports, { settleMs = 3000, lateMs = 7000 } = {}) {
      await new Promise((r) => setTimeout(r, settleMs));
      let got = await collect(reports);
      for (const end = performance.now() + lateMs; got.lost > 0 && performance.now() < end;) {
        await new Promise((r) => setTimeout(r, 1000));
        got = await collect(reports);
      }
      return got;
    },
  };
}
