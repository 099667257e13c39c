/**
 * Failover between server instances: the gateway takes a list of server URLs (or one
 * HAProxy address) and must be on a surviving instance within 2 s of an instance's kill -9,
 * with every command issued meanwhile executed once: no expiry, no double pulse.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gateway } from '../src/gateway/gateway.js';
import type { GatewayConfig } from '../src/config/gateway-config.js';
import { silentLogger } from '../src/logging/logger.js';
import { waitFor } from './support/fixtures.js';
import { gatewayConfigFor, type Stack } from './support/system.js';
import { startFleet, storageLoop } from './support/fleet.js';
import { adminToken, doorEventLog, followDoorEvents } from './support/dashboard.js';
import { accountCommands } from './support/command-accounting.js';

/**
 * Every scan that unlocked got its own command, and every command was executed by the
 * gateway, caused its own rising edge on the simulator and was acknowledged SUCCEEDED; no
 * edge is left over (a double). Accounted per command id, so a command that never ran and a
 * pulse that served two commands are told apart.
 */
async function expectOnePulseEach(stack: Stack, stateDir: string, since: number, outcomes: string[]) {
  const unlocking = outcomes.filter((o) => o.startsWith('UNLOCKING_')).length;
  const errors = outcomes.filter((o) => o.startsWith('error')).length;
  expect(unlocking).toBeGreaterThan(3);
  const ledger = () =>
    accountCommands({
      databaseUrl: stack.databaseUrl!,
      stateDir,
      pulses: stack.sim!.site.pulsesSince(since),
      sinceMs: since,
    });
  await waitFor(
    async () => {
      await new Promise((r) => setTimeout(r, 200));
      return (await ledger()).commands.every((c) => c.ackedAt !== null);
    },
    'every command acknowledged',
    15_000,
  ).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 1500)); // a double would come now
  const l = await ledger();
  const report = {
    unlocking,
    issued: l.commands.length,
    neverExecuted: l.neverExecuted,
    retriggered: l.retriggered,
    unpulsed: l.unpulsed,
    notAcked: l.commands.filter((c) => l.notAcked.includes(c.id)),
    strayPulses: l.strayPulses,
  };
  // a scan whose answer was lost with its instance may still have issued its command
  expect(l.commands.length, JSON.stringify(report)).toBeGreaterThanOrEqual(unlocking);
  expect(l.commands.length, JSON.stringify(report)).toBeLessThanOrEqual(unlocking + errors);
  expect(report.neverExecuted, JSON.stringify(report)).toEqual([]);
  expect(report.unpulsed, JSON.stringify(report)).toEqual([]);
  expect(report.retriggered, JSON.stringify(report)).toEqual([]);
  expect(report.notAcked, JSON.stringify(report)).toEqual([]);
  expect(report.strayPulses, JSON.stringify(report)).toEqual([]);
}

describe('gateway failover between server instances', () => {
  let stack: Stack;
  let gateway: Gateway;
  let config: GatewayConfig;
  const reconnects: number[] = [];
  const downs: string[] = [];
  let downAt = 0;

  beforeAll(async () => {
    stack = await startFleet();
    const [a, b] = stack.replicas.map((r) => r.url);
    config = gatewayConfigFor(stack, { GATEWAY_SERVER_URL: `${a},${b}` });
    gateway = new Gateway(config, silentLogger());
    gateway.link.on('state', (s) => {
      if (s.kind === 'connected' && downAt) reconnects.push(Date.now() - downAt);
      if (s.kind === 'backoff') downs.push(s.error);
    });
    gateway.start();
    await waitFor(
      () => gateway.linkState.kind === 'connected' && gateway.currentSetup !== null,
      'gateway online',
      20_000,
    );
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await stack?.stop();
  });

  it('kill -9 of its instance during scans: on the other within 2 s, every command executed once', async () => {
    const [a, b] = stack.replicas;
    const since = Date.now();
    // scans alternate between the instances until A dies, then go to B
    let n = 0;
    const loop = storageLoop(stack, () => (downAt || n++ % 2 === 1 ? b!.url : a!.url));
    await new Promise((r) => setTimeout(r, 2500));
    downAt = Date.now();
    await a!.kill();
    await waitFor(() => reconnects.length > 0, 'gateway back', 5000);
    await new Promise((r) => setTimeout(r, 3000));
    await loop.stop();
    expect(reconnects[0]).toBeLessThan(2000);
    expect(downs.length).toBeGreaterThan(0);
    for (const reason of downs) expect(reason).toMatch(/\S/); // "link down" names its cause
    expect(loop.outcomes.filter((o) => o.startsWith('error')).length).toBeLessThanOrEqual(2); // calls in flight on A die with it
    await expectOnePulseEach(stack, config.stateDir, since, loop.outcomes);
    await a!.start();
  }, 60_000);

  it('a peer that accepts TCP and never answers does not hold it: the next URL within the connect timeout', async () => {
    const silent = net.createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as net.AddressInfo).port;
    const g = new Gateway(
      gatewayConfigFor(stack, {
        GATEWAY_SERVER_URL: `http://127.0.0.1:${port},${stack.replicas[1]!.url}`,
        GATEWAY_LINK_CONNECT_TIMEOUT_MS: '1000',
      }),
      silentLogger(),
    );
    await gateway.stop(); // one gateway per token
    const downs: string[] = [];
    g.link.on('state', (s) => s.kind === 'backoff' && downs.push(s.error));
    const started = Date.now();
    g.start();
    try {
      await waitFor(() => g.linkState.kind === 'connected', 'connected past the silent peer', 15_000);
      expect(downs[0]).toBe('no WebSocket handshake within 1000 ms'); // the cause named, never empty
      // at most one connect timeout for the link plus one request timeout for the first config fetch
      expect(Date.now() - started).toBeLessThan(7000);
    } finally {
      await g.stop();
      silent.close();
    }
  }, 60_000);
});

/**
 * The deployment's topology as processes: HAProxy (the shipped configuration) in front of
 * two instances, the gateway and the kiosk's calls through it.
 */
describe('behind HAProxy', () => {
  let stack: Stack;
  let gateway: Gateway;
  let config: GatewayConfig;
  let connectedAt: number[] = [];

  beforeAll(async () => {
    stack = await startFleet({ haproxy: true, serverEnv: { DRAIN_GRACE_MS: '4000' } });
    config = gatewayConfigFor(stack);
    gateway = new Gateway(config, silentLogger());
    gateway.link.on('state', (s) => s.kind === 'connected' && connectedAt.push(Date.now()));
    gateway.start();
    await waitFor(
      () => gateway.linkState.kind === 'connected' && gateway.currentSetup !== null,
      'gateway online',
      20_000,
    );
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await stack?.stop();
  });

  for (const victim of [0, 1]) {
    it(`kill -9 of instance ${victim + 1} during scans: the gateway back within 2 s, every command executed once`, async () => {
      const since = Date.now();
      const loop = storageLoop(stack, () => stack.serverUrl);
      await new Promise((r) => setTimeout(r, 2500));
      connectedAt = [];
      const killedAt = Date.now();
      await stack.replicas[victim]!.kill();
      await new Promise((r) => setTimeout(r, 4000));
      await loop.stop();
      // the gateway's socket was on the victim (a reconnect) or on the survivor (none needed)
      if (connectedAt.length > 0) expect(connectedAt[0]! - killedAt).toBeLessThan(2000);
      expect(gateway.linkState.kind).toBe('connected');
      expect(loop.outcomes.filter((o) => o.startsWith('error')).length).toBeLessThanOrEqual(2);
      await expectOnePulseEach(stack, config.stateDir, since, loop.outcomes);
      await stack.replicas[victim]!.start();
      await new Promise((r) => setTimeout(r, 3000)); // HAProxy: rise 2 checks
    }, 90_000);
  }

  it('a rolling restart of both instances: no request fails, every command executed once', async () => {
    const since = Date.now();
    const loop = storageLoop(stack, () => stack.serverUrl);
    await new Promise((r) => setTimeout(r, 2000));
    for (const replica of stack.replicas) {
      await replica.restart(); // SIGTERM: drain (HAProxy takes it out), exit, start again
      await new Promise((r) => setTimeout(r, 3000)); // back in HAProxy's rotation
    }
    await loop.stop();
    expect(loop.outcomes.filter((o) => o.startsWith('error'))).toEqual([]);
    expect(gateway.linkState.kind).toBe('connected');
    await expectOnePulseEach(stack, config.stateDir, since, loop.outcomes);
  }, 120_000);

  it('a rolling restart of both instances: a dashboard following door events through HAProxy misses none and gets none twice', async () => {
    const token = await adminToken(stack.serverUrl, stack.seed.adminEmail, stack.seed.adminPassword);
    const [newest] = (await doorEventLog(stack.serverUrl, token, stack.seed.siteId, null)).slice(-1);
    const start = newest?.cursor ?? null;
    const wsUrl = `${stack.serverUrl.replace(/^http/, 'ws')}/graphql`;
    const dashboard = followDoorEvents(wsUrl, token, stack.seed.siteId, start);
    const loop = storageLoop(stack, () => stack.serverUrl);
    await new Promise((r) => setTimeout(r, 2000));
    for (const replica of stack.replicas) {
      await replica.restart();
      await new Promise((r) => setTimeout(r, 3000));
    }
    await loop.stop();
    await new Promise((r) => setTimeout(r, 2000)); // the last doors close and are reported
    const log = await doorEventLog(stack.serverUrl, token, stack.seed.siteId, start);
    await waitFor(() => dashboard.received.length >= log.length, 'dashboard caught up', 10_000).catch(
      () => undefined,
    );
    await dashboard.stop();
    const got = dashboard.received.map((e) => e.id);
    expect(log.length).toBeGreaterThan(20);
    // its instance went away at least once: it resubscribed
    expect(dashboard.subscriptions).toBeGreaterThan(1);
    expect(log.map((e) => e.id).filter((id) => !got.includes(id))).toEqual([]); // none lost
    expect(got.length - new Set(got).size).toBe(0); // none twice
  }, 120_000);
});
