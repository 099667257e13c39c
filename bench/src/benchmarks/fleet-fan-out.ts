/**
 * Fleet fan-out: two server instances on one database and one Redis behind HAProxy (the
 * shipped deploy/haproxy/haproxy.cfg, least-connections), `dashboards` graphql-ws dashboards
 * connected through it (so spread over both), door changes reported as the gateway at ONE
 * instance: the other instance's dashboards hear of them through Redis. Baseline, same run:
 * the same dashboards connected straight to the reporting instance (no proxy, no Redis hop).
 * Figures: delivery p99 both ways, and each instance's RSS peak. Correctness: every dashboard
 * gets every event (lost 0), and both instances hold dashboards.
 */
import { randomUUID } from 'node:crypto';
import type { Benchmark } from '../lib/bench.ts';
import { checkTime } from '../lib/bench.ts';
import { awaitLive, describeLost, lostRecorded, reportDoorChanges } from '../lib/door-changes.ts';
import { figure } from '../lib/figures.ts';
import { GqlClient, adminToken } from '../lib/gql.ts';
import { startSwarm } from '../lib/swarm.ts';
import { sampleRss, startSystem, type System } from '../lib/system.ts';

export const fleetFanOut: Benchmark = {
  name: 'fleet-fan-out',
  summary: 'dashboards on two instances behind HAProxy, events reported at one (through Redis)',
  flags: {
    dashboards: { full: 2000, smoke: 30, help: 'subscribed dashboards, through HAProxy' },
    rate: { full: 10, smoke: 10, help: 'door changes per second' },
    seconds: { full: 10, smoke: 1, help: 'how long the changes go on' },
    runs: { full: 3, smoke: 1, help: 'repetitions (median reported)' },
  },
  timeLimit: { full: 900, smoke: 90 },
  async run(ctx) {
    const sys = await startSystem(ctx, 'fleet-fan-out', {
      fleet: { extraServers: 1, haproxy: true },
      serverEnv: {
        REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
        REDIS_PREFIX: `bench${randomUUID().slice(0, 8)}:`,
      },
    });
    const { seed, graphqlUrl, replicas } = sys.stack;
    const token = await adminToken(graphqlUrl, seed.adminEmail, seed.adminPassword);
    const { rows } = await sys.db.query<{ id: string }>(
      'select id from compartment where site_id = $1 order by label',
      [seed.siteId],
    );
    // the gateway speaks to the first instance only
    const gateway = new GqlClient(`${replicas[0]!.url}/graphql`, seed.gatewayToken, 2);
    ctx.defer(() => gateway.close());
    const errors: string[] = [];
    const doorState = new Map<string, 'OPEN' | 'CLOSED'>();
    const fleet = { p50: [] as number[], p99: [] as number[], rss1: [] as number[], rss2: [] as number[] };
    const direct = { p99: [] as number[] };
    let offset = 0;
    const phase = async (url: string, label: string) => {
      const n = ctx.size('dashboards');
      const swarm = await startSwarm(ctx, {
        url: url.replace(/^http/, 'ws'),
        token,
        clients: n,
        dashboards: true,
        siteId: seed.siteId,
      });
      errors.push(...swarm.ready.errors);
      if (swarm.ready.connected !== n)
        errors.push(`${label}: only ${swarm.ready.connected} of ${n} connected`);
      await awaitLive(ctx, swarm, gateway, rows.at(-1)!.id, doorState, errors);
      const spread = await connectionsPerInstance(sys);
      const rss = sys.stack.replicas.map((_, i) => sampleRss(() => sys.replicaRssMb()[i]!));
      const total = ctx.size('rate') * ctx.size('seconds');
      const reports = await reportDoorChanges(
        ctx,
        gateway,
        { compartments: rows.map((r) => r.id), total, rate: ctx.size('rate'), offset },
        doorState,
        errors,
      );
      offset += total;
      const got = await swarm.collectSettled(reports); // lost: not in within 10 s
      const peaks = rss.map((s) => s.stop());
      errors.push(...got.errors);
      if (got.lost > 0)
        errors.push(
          `${label}: ${got.lost} of ${got.expected} events lost (${describeLost(got.missing)})${await lostRecorded(sys.db, got.missing)}`,
        );
      await swarm.stop();
      ctx.log(
        `${label}: dashboards per instance ${spread.join(' / ')}, p50 ${got.p50.toFixed(1)} ms, p99 ${got.p99.toFixed(1)} ms, lost ${got.lost}, RSS ${peaks.map((p) => p.toFixed(0)).join(' / ')} MB`,
      );
      return { got, spread, peaks };
    };
    for (let run = 0; run < ctx.size('runs'); run++) {
      checkTime(ctx.signal);
      const viaFleet = await phase(graphqlUrl, `run ${run + 1}, through HAProxy`);
      if (viaFleet.spread.some((c) => !(c > 0)))
        errors.push(`run ${run + 1}: dashboards per instance ${viaFleet.spread.join(' / ')}: not spread`);
      fleet.p50.push(viaFleet.got.p50);
      fleet.p99.push(viaFleet.got.p99);
      fleet.rss1.push(viaFleet.peaks[0]!);
      fleet.rss2.push(viaFleet.peaks[1]!);
      direct.p99.push((await phase(replicas[0]!.url + '/graphql', `run ${run + 1}, one instance`)).got.p99);
    }
    const n = ctx.size('dashboards');
    return {
      figures: [
        figure('fleet-fan-out', `delivery p50, ${n} dashboards on 2 instances`, 'ms', fleet.p50),
        figure('fleet-fan-out', `delivery p99, ${n} dashboards on 2 instances`, 'ms', fleet.p99, {
          goal: { op: '<', target: 250 },
          baseline: { label: 'all on the reporting instance', runs: direct.p99 },
        }),
        figure('fleet-fan-out', 'RSS peak, reporting instance', 'MB', fleet.rss1),
        figure('fleet-fan-out', 'RSS peak, other instance (events via Redis)', 'MB', fleet.rss2),
      ],
      errors,
      details: { dashboards: n, rate: ctx.size('rate'), seconds: ctx.size('seconds') },
    };
  },
};

/** Each instance's open WebSocket connections, from its /metrics. */
async function connectionsPerInstance(sys: System): Promise<number[]> {
  return Promise.all(
    sys.stack.replicas.map(async (r) => {
      const text = await (await fetch(`${r.url}/metrics`)).text();
      return Number(/^graphql_ws_connections (\d+)/m.exec(text)?.[1]);
    }),
  );
}
