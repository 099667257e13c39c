/**
 * Plain read: requests per second of an authenticated `site { availability }` query on the
 * real server, against a bare Apollo Server answering the same shape with a constant
 * (src/processes/bare-apollo.ts), both driven by autocannon from this process with the same
 * connections and duration, alternating target and baseline in each run. Goal: at least 90%
 * of the baseline. Correctness: no errors and no non-2xx answers, and the answer is right.
 *
 * The same request again is what polling kiosks send, and the server gives its kept answer
 * while the site is unchanged (server/src/http/read-answers.ts). So each run also measures
 * distinct reads, each body new (an unused variable counts up), for which the operation runs
 * and its answer is kept: the request path without the reuse, for information.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Benchmark, BenchContext } from '../lib/bench.ts';
import { checkTime } from '../lib/bench.ts';
import { figure } from '../lib/figures.ts';
import { median } from '../lib/stats.ts';
import { GqlClient, adminToken } from '../lib/gql.ts';
import { PROFILES_DIR, cpuSeconds, startSystem } from '../lib/system.ts';

const QUERY = 'query($id: ID!) { site(id: $id) { id availability { size free total } } }';
const here = path.dirname(fileURLToPath(import.meta.url));

export const plainRead: Benchmark = {
  name: 'plain-read',
  summary: 'authenticated site { availability } requests/s vs a bare Apollo Server constant',
  flags: {
    connections: { full: 10, smoke: 4, help: 'autocannon connections' },
    seconds: { full: 8, smoke: 2, help: 'seconds per measurement' },
    runs: { full: 3, smoke: 1, help: 'alternating target/baseline pairs (median reported)' },
  },
  timeLimit: { full: 300, smoke: 45 },
  async run(ctx) {
    const sys = await startSystem(ctx, 'plain-read');
    const { seed, graphqlUrl } = sys.stack;
    const token = await adminToken(graphqlUrl, seed.adminEmail, seed.adminPassword);
    const check = new GqlClient(graphqlUrl, token, 1);
    const answer = await check.request<{ site: { availability: unknown[] } }>(QUERY, { id: seed.siteId });
    check.close();
    const errors: string[] = [];
    if (answer.site.availability.length !== 4)
      errors.push(`site.availability has ${answer.site.availability.length} sizes, expected 4`);
    const bare = await startBareApollo(ctx);
    const body = JSON.stringify({ query: QUERY, variables: { id: seed.siteId } });
    const target: number[] = [];
    const distinct: number[] = [];
    const baseline: number[] = [];
    // CPU per request of each process: what a change to the request path saves, read without the
    // rate's run-to-run spread (the rate also depends on what else the machine's cores do)
    const cpu = { server: [] as number[], distinct: [] as number[], bare: [] as number[] };
    let n = 0;
    const distinctBody = () => JSON.stringify({ query: QUERY, variables: { id: seed.siteId, n: n++ } });
    const load = async (url: string, pid: number, auth: boolean, into?: number[], unique = false) => {
      const before = cpuSeconds(pid);
      const rate = await blast(ctx, url, unique ? distinctBody : body, auth ? token : null, errors);
      into?.push(((cpuSeconds(pid) - before) * 1e6) / (rate * ctx.size('seconds')));
      return rate;
    };
    // Warm both (JIT, connection pools) before anything counts.
    await load(graphqlUrl, sys.serverPid(), true);
    await load(graphqlUrl, sys.serverPid(), true, undefined, true);
    await load(bare.url, bare.pid, false);
    for (let run = 0; run < ctx.size('runs'); run++) {
      checkTime(ctx.signal);
      baseline.push(await load(bare.url, bare.pid, false, cpu.bare));
      target.push(await load(graphqlUrl, sys.serverPid(), true, cpu.server));
      distinct.push(await load(graphqlUrl, sys.serverPid(), true, cpu.distinct, true));
      ctx.log(
        `run ${run + 1}: server ${target.at(-1)!.toFixed(0)} req/s (${cpu.server.at(-1)!.toFixed(0)} µs CPU each), ` +
          `distinct reads ${distinct.at(-1)!.toFixed(0)} req/s (${cpu.distinct.at(-1)!.toFixed(0)} µs), ` +
          `bare Apollo ${baseline.at(-1)!.toFixed(0)} req/s (${cpu.bare.at(-1)!.toFixed(0)} µs)`,
      );
    }
    return {
      figures: [
        figure('plain-read', 'site { availability } requests/s', 'req/s', target, {
          baseline: { label: 'bare Apollo Server, constant', runs: baseline },
          ratioGoal: { op: '>=', target: 0.9 },
        }),
        figure(
          'plain-read',
          'distinct reads (each body new: the operation runs) requests/s',
          'req/s',
          distinct,
          {
            baseline: { label: 'bare Apollo Server, constant', runs: baseline },
          },
        ),
      ],
      errors,
      details: {
        connections: ctx.size('connections'),
        seconds: ctx.size('seconds'),
        cpuMicrosPerRequest: {
          server: median(cpu.server),
          distinctReads: median(cpu.distinct),
          bareApollo: median(cpu.bare),
        },
      },
    };
  },
};

/** One autocannon measurement; returns the mean requests/s and notes errors. */
async function blast(
  ctx: BenchContext,
  url: string,
  body: string | (() => string),
  token: string | null,
  errors: string[],
): Promise<number> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: ctx.size('connections'),
    duration: ctx.size('seconds'),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(typeof body === 'string'
      ? { body }
      : { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }) }] }),
  });
  if (result.errors || result.non2xx || result.timeouts) {
    errors.push(
      `${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`,
    );
  }
  return result.requests.average;
}

/** Starts the baseline server in its own process; its GraphQL URL and process id. */
async function startBareApollo(ctx: BenchContext): Promise<{ url: string; pid: number }> {
  // BENCH_PROFILE=1 profiles the baseline too, so the two request paths can be compared
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES_DIR}`, '--cpu-prof-name=bare-apollo.cpuprofile']
    : [];
  const child = spawn(process.execPath, [...profile, path.join(here, '../processes/bare-apollo.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  ctx.defer(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`bare Apollo exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid! };
}
