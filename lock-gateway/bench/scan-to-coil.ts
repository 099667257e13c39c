/**
 * Scan-to-coil latency: a kiosk's scanAccessCode leaves this process -> server (GraphQL,
 * PostgreSQL) -> gatewayCommands subscription -> gateway process (journal fsync) -> Modbus
 * TCP -> the simulated relay switches on. Measured here with the simulator in-process, so
 * both ends are read on one clock (performance.now).
 *
 *   pnpm bench [-- --scans 500 --warmup 20]
 *
 * Each scan needs a fresh session and a free compartment: issue a SMALL (free) code, scan,
 * wait for the pulse to end, then end the session as staff (frees the compartment). The
 * site's pulse is set to 50 ms and the gateway's duty-cycle interval to 0 so the same lock
 * can be pulsed back to back; doors are jammed so no door events add load. Goal: p99 < 50 ms.
 *
 * Breakdown, measured in the same run (the machines are shared and noisy): an observer
 * subscribed to the gateway's commands (after the gateway: its frame is written right after
 * the gateway's, in the same publication) marks when the server sent each command, so
 * "command seen -> coil on" is the gateway's share (WS delivery, journal fsync, Modbus
 * write). Baseline: issueAccessCode round trips (server floor) in the same loop.
 *
 * The kiosk stand-in sends with node:http on a kept-alive connection: a kiosk's own work
 * before its request leaves is not the product's, and fetch's took 0.48 ms p50 on a 2-core
 * machine (node:http's 0.18) on the cores the server and gateway run on.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import { startStack } from '@lockers/launcher';
import type * as SimulatorModule from '../src/simulator/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const { values } = parseArgs({ options: { scans: { type: 'string' }, warmup: { type: 'string' } } });
const SCANS = Number(values.scans ?? 500);
const WARMUP = Number(values.warmup ?? 20);

// The built simulator (the script runs after `tsc`; types from its source).
const { startProfiledSimulator } = (await import(
  path.join(root, 'lock-gateway/dist/simulator/index.js')
)) as typeof SimulatorModule;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lockers-bench-'));
fs.chmodSync(dataDir, 0o777);
const logDir = path.join(here, 'results', 'logs');
console.log('starting server (scratch database), simulator (in-process) and gateway...');
const stack = await startStack({
  rootDir: root,
  database: 'scratch',
  dataDir,
  simInProcess: startProfiledSimulator,
  gateway: true,
  output: (name) => ({ file: path.join(logDir, `${name}.log`) }),
  // log levels as shipped (info)
  gatewayEnv: { GATEWAY_MIN_PULSE_INTERVAL_MS: '0' },
});
const sim = stack.sim!;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
async function gql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const payload = JSON.stringify({ query, variables });
  const text = await new Promise<string>((resolve, reject) => {
    const req = http.request(
      stack.graphqlUrl,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve(data));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
  const body = JSON.parse(text) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

try {
  const { seed } = stack;
  const admin = (
    await gql<{ login: { token: string } }>(
      '',
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: seed.adminEmail, p: seed.adminPassword },
    )
  ).login.token;
  await gql(admin, 'mutation($id: ID!) { updateSite(id: $id, pulseMs: 50) { id } }', { id: seed.siteId });
  for (const unit of sim.site.units.values()) unit.jammed.fill(true);

  const issue = `mutation($s: ID!) { issueAccessCode(siteId: $s, size: SMALL) { session { id } code { payload } } }`;
  const scan = `mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome } }`;
  const end = `mutation($id: ID!) { endSession(sessionId: $id, reason: "bench") { id } }`;

  const coilLatency: number[] = [];
  const scanRoundTrip: number[] = [];
  const commandToCoil: number[] = [];
  const issueRoundTrip: number[] = [];
  let endRetries = 0;
  let commandSeen: (t: number) => void = () => undefined;
  const observer = createClient({
    url: stack.graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${seed.gatewayToken}` },
  });
  observer.subscribe(
    { query: 'subscription { gatewayCommands { id } }' },
    { next: () => commandSeen(performance.now()), error: () => undefined, complete: () => undefined },
  );
  await new Promise((r) => setTimeout(r, 500));
  for (let i = 0; i < WARMUP + SCANS; i++) {
    const ti = performance.now();
    const issued = await gql<{ issueAccessCode: { session: { id: string }; code: { payload: string } } }>(
      seed.kioskToken,
      issue,
      { s: seed.siteId },
    );
    const issueMs = performance.now() - ti;
    const seen = new Promise<number>((resolve) => (commandSeen = resolve));
    let pulseEnded!: () => void;
    const ended = new Promise<void>((r) => (pulseEnded = r));
    const switchedOn = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`scan ${i}: no coil within 10 s`)), 10_000);
      sim.site.once('pulseStart', () => {
        clearTimeout(timer);
        resolve(performance.now());
      });
      sim.site.once('pulseEnd', () => pulseEnded());
    });
    const t0 = performance.now();
    const result = await gql<{ scanAccessCode: { outcome: string } }>(seed.kioskToken, scan, {
      s: seed.siteId,
      p: issued.issueAccessCode.code.payload,
    });
    const t1 = performance.now();
    if (result.scanAccessCode.outcome !== 'UNLOCKING_FOR_DEPOSIT')
      throw new Error(`scan ${i}: ${result.scanAccessCode.outcome}`);
    const on = await switchedOn;
    const tc = await Promise.race([seen, new Promise<number>((r) => setTimeout(() => r(Number.NaN), 2000))]);
    await ended;
    // Staff ending the session can collide with the gateway's ack in the server (deadlock:
    // reported to the server's owner); retry so the benchmark measures what it is for.
    for (let attempt = 1; ; attempt++) {
      try {
        await gql(admin, end, { id: issued.issueAccessCode.session.id });
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
        endRetries++;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    if (i >= WARMUP) {
      coilLatency.push(on - t0);
      scanRoundTrip.push(t1 - t0);
      issueRoundTrip.push(issueMs);
      if (!Number.isNaN(tc)) commandToCoil.push(on - tc);
    }
    if ((i + 1) % 100 === 0) console.log(`  ${i + 1}/${WARMUP + SCANS}`);
  }

  const report = (name: string, xs: number[]): Record<string, number> => {
    const s = [...xs].sort((a, b) => a - b);
    const r = {
      n: s.length,
      p50: quantile(s, 0.5),
      p95: quantile(s, 0.95),
      p99: quantile(s, 0.99),
      max: s.at(-1)!,
      mean: s.reduce((a, b) => a + b, 0) / s.length,
    };
    console.log(
      `${name.padEnd(28)} n=${r.n}  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`,
    );
    return r;
  };
  console.log('');
  const figures = {
    at: new Date().toISOString(),
    scanToCoil: report('scan sent -> coil on', coilLatency),
    scanResponse: report('scan sent -> scan answered', scanRoundTrip),
    commandToCoil: report('command seen -> coil on', commandToCoil),
    issueBaseline: report('baseline: issueAccessCode', issueRoundTrip),
    cpus: os.cpus().length,
  };
  if (endRetries) console.log(`(endSession retried ${endRetries} times after server errors)`);
  console.log(`\ngoal p99 < 50 ms: ${figures.scanToCoil.p99! < 50 ? 'met' : 'NOT met'}`);
  await observer.dispose();
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  fs.writeFileSync(
    path.join(here, 'results', `scan-to-coil-${Date.now()}.json`),
    JSON.stringify(figures, null, 2),
  );
} finally {
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
