/**
 * Fan-out: `dashboards` graphql-ws clients (a separate process) subscribed to doorEvents and
 * compartmentUpdated of the demo site; this process reports `rate` door changes per second for
 * `seconds` as the site's gateway (reportDoorStates), each toggling one of the site's doors.
 * Latency is from just before the report is sent to each client's receipt, on one wall clock.
 * Correctness: every client gets every door event and every compartment update (else: lost).
 */
import type { Benchmark } from '../lib/bench.ts';
import { awaitLive, describeLost, lostRecorded, reportDoorChanges } from '../lib/door-changes.ts';
import { figure, type Figure } from '../lib/figures.ts';
import { GqlClient, adminToken } from '../lib/gql.ts';
import { startSwarm } from '../lib/swarm.ts';
import { sampleRss, startSystem } from '../lib/system.ts';

export const fanOut: Benchmark = {
  name: 'fan-out',
  summary: 'door changes reported by the gateway -> every subscribed dashboard (graphql-ws)',
  flags: {
    dashboards: { full: 1000, smoke: 50, help: 'subscribed dashboard connections' },
    rate: { full: 10, smoke: 10, help: 'door changes per second' },
    seconds: { full: 30, smoke: 3, help: 'how long the changes go on' },
    runs: { full: 3, smoke: 1, help: 'repetitions (median reported)' },
  },
  timeLimit: { full: 600, smoke: 60 },
  async run(ctx) {
    const sys = await startSystem(ctx, 'fan-out');
    const { seed, graphqlUrl } = sys.stack;
    const token = await adminToken(graphqlUrl, seed.adminEmail, seed.adminPassword);
    const { rows } = await sys.db.query<{ id: string }>(
      'select id from compartment where site_id = $1 order by label',
      [seed.siteId],
    );
    const gateway = new GqlClient(graphqlUrl, seed.gatewayToken, 2);
    ctx.defer(() => gateway.close());
    const runs = {
      p99: [] as number[],
      p50: [] as number[],
      everyP99: [] as number[],
      rss: [] as number[],
      clientCpu: [] as number[],
    };
    const errors: string[] = [];
    const doorState = new Map<string, 'OPEN' | 'CLOSED'>();
    for (let run = 0; run < ctx.size('runs'); run++) {
      const swarm = await startSwarm(ctx, {
        url: graphqlUrl.replace(/^http/, 'ws'),
        token,
        clients: ctx.size('dashboards'),
        dashboards: true,
        siteId: seed.siteId,
      });
      ctx.log(
        `run ${run + 1}: ${swarm.ready.connected} dashboards connected in ${swarm.ready.connectMs.toFixed(0)} ms`,
      );
      errors.push(...swarm.ready.errors);
      if (swarm.ready.connected !== ctx.size('dashboards'))
        errors.push(`only ${swarm.ready.connected} of ${ctx.size('dashboards')} dashboards connected`);
      await awaitLive(ctx, swarm, gateway, rows.at(-1)!.id, doorState, errors);
      const rss = sampleRss(sys.serverRssMb);
      const total = ctx.size('rate') * ctx.size('seconds');
      const reports = await reportDoorChanges(
        ctx,
        gateway,
        { compartments: rows.map((r) => r.id), total, rate: ctx.size('rate'), offset: run * total },
        doorState,
        errors,
      );
      // The last events' delivery: anything not in within 10 s counts as lost.
      const got = await swarm.collectSettled(reports);
      runs.rss.push(rss.stop());
      errors.push(...got.errors);
      if (got.lost > 0)
        errors.push(
          `run ${run + 1}: ${got.lost} of ${got.expected} events lost (${describeLost(got.missing)})${await lostRecorded(sys.db, got.missing)}`,
        );
      ctx.log(
        `run ${run + 1}: ${got.deliveries} deliveries, p50 ${got.p50.toFixed(1)} ms, p99 ${got.p99.toFixed(1)} ms, max ${got.max.toFixed(0)} ms, server RSS ${runs.rss.at(-1)!.toFixed(0)} MB, client process CPU ${got.clientCpuPercent.toFixed(0)}%`,
      );
      runs.p50.push(got.p50);
      runs.p99.push(got.p99);
      runs.everyP99.push(got.everyClientP99);
      runs.clientCpu.push(got.clientCpuPercent);
      await swarm.stop();
    }
    const figures: Figure[] = [
      figure('fan-out', 'delivery p50', 'ms', runs.p50),
      figure('fan-out', 'delivery p99', 'ms', runs.p99, { goal: { op: '<', target: 200 } }),
      figure('fan-out', 'last client p99 (per change)', 'ms', runs.everyP99),
      figure('fan-out', 'server RSS peak', 'MB', runs.rss, { goal: { op: '<', target: 300 } }),
    ];
    return {
      figures,
      errors,
      details: {
        dashboards: ctx.size('dashboards'),
        rate: ctx.size('rate'),
        seconds: ctx.size('seconds'),
        clientCpuPercent: runs.clientCpu,
      },
    };
  },
};
