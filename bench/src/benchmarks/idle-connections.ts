/**
 * Idle connections: `clients` graphql-ws connections (a separate process), each subscribed to
 * doorEvents, held for `hold` seconds with nothing happening. Figures: the server's RSS with
 * them open, against the same server before they came (baseline); each run on a fresh server. Correctness: every client
 * connects and stays, the server counts every connection and subscription, and still answers.
 */
import type { Benchmark } from '../lib/bench.ts';
import { figure } from '../lib/figures.ts';
import { GqlClient, adminToken } from '../lib/gql.ts';
import { startSwarm } from '../lib/swarm.ts';
import { sampleRss, startSystem } from '../lib/system.ts';

export const idleConnections: Benchmark = {
  name: 'idle',
  summary: 'many idle subscribed WebSocket clients: server memory',
  flags: {
    clients: { full: 10_000, smoke: 100, help: 'idle subscribed connections' },
    hold: { full: 10, smoke: 2, help: 'seconds to hold them open' },
    runs: { full: 3, smoke: 1, help: 'repetitions (median reported)' },
  },
  timeLimit: { full: 600, smoke: 45 },
  async run(ctx) {
    const sys = await startSystem(ctx, 'idle');
    const { seed, graphqlUrl, serverUrl } = sys.stack;
    const token = await adminToken(graphqlUrl, seed.adminEmail, seed.adminPassword);
    const probe = new GqlClient(graphqlUrl, token, 1);
    ctx.defer(() => probe.close());
    const q = 'query($id: ID!) { site(id: $id) { id availability { size free } } }';
    await probe.request(q, { id: seed.siteId }); // warm the server before the baseline reading
    const errors: string[] = [];
    const withClients: number[] = [];
    const before: number[] = [];
    const n = ctx.size('clients');
    for (let run = 0; run < ctx.size('runs'); run++) {
      // Each run on a fresh server process: V8 keeps the heap the previous run's clients grew.
      if (run > 0) {
        await sys.stack.restartServer();
        await probe.request(q, { id: seed.siteId });
      }
      await new Promise((r) => setTimeout(r, 500));
      before.push(sys.serverRssMb());
      const swarm = await startSwarm(ctx, {
        url: graphqlUrl.replace(/^http/, 'ws'),
        token,
        clients: n,
        dashboards: false,
        siteId: seed.siteId,
      });
      errors.push(...swarm.ready.errors);
      if (swarm.ready.connected !== n)
        errors.push(`run ${run + 1}: only ${swarm.ready.connected} of ${n} clients connected`);
      const rss = sampleRss(sys.serverRssMb);
      await new Promise((r) => setTimeout(r, ctx.size('hold') * 1000));
      const metrics = await (await fetch(`${serverUrl}/metrics`)).text();
      const conns = Number(/^graphql_ws_connections (\d+)/m.exec(metrics)?.[1]);
      const subs = Number(
        /^graphql_open_subscriptions\{field="DOOR_EVENT"\} (\d+)/m.exec(metrics)?.[1] ??
          /^graphql_open_subscriptions\{field="doorEvents"\} (\d+)/m.exec(metrics)?.[1],
      );
      if (conns !== n)
        errors.push(`run ${run + 1}: server counts ${conns} WebSocket connections, expected ${n}`);
      if (Number.isFinite(subs) && subs !== n)
        errors.push(`run ${run + 1}: server counts ${subs} doorEvents subscriptions, expected ${n}`);
      await probe
        .request(q, { id: seed.siteId })
        .catch((e: unknown) => errors.push(`server stopped answering: ${String(e)}`));
      withClients.push(rss.stop());
      const late = await swarm.collect([]);
      errors.push(...late.errors.filter((e) => !swarm.ready.errors.includes(e)));
      ctx.log(
        `run ${run + 1}: ${swarm.ready.connected} clients in ${swarm.ready.connectMs.toFixed(0)} ms, server RSS ${before.at(-1)!.toFixed(0)} -> ${withClients.at(-1)!.toFixed(0)} MB`,
      );
      await swarm.stop();
    }
    return {
      figures: [
        figure('idle', `server RSS with ${n} idle clients`, 'MB', withClients, {
          goal: { op: '<', target: 400 },
          baseline: { label: 'same server, no clients', runs: before },
        }),
      ],
      errors,
      details: { clients: n, hold: ctx.size('hold') },
    };
  },
};
