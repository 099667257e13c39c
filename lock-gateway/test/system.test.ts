/**
 * The gateway against the real server (built server/dist, scratch PostgreSQL) and the
 * simulator over Modbus TCP: the full deposit path, a server restart (no door promised until
 * the gateway is heard again), commands issued while the gateway was away (run once when it is
 * back in time, answered FAILED when it is not), and a forced door.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../src/cli/check.js';
import { Gateway } from '../src/gateway/gateway.js';
import { startChild } from '@lockers/launcher';
import type { LinkState } from '../src/link/link-state.js';
import { silentLogger } from '../src/logging/logger.js';
import { GraphQLRequestError } from '../src/link/graphql-http.js';
import { waitFor } from './support/fixtures.js';
import { startTcpProxy } from './support/tcp-proxy.js';
import {
  adminToken,
  depositScan,
  gatewayConfigFor,
  gql,
  ROOT,
  startSystem,
  type Stack,
} from './support/system.js';

describe('gateway with the real server', () => {
  let stack: Stack;
  let gateway: Gateway;
  let admin: string;
  /** The gateway's journal and state, kept when it is started again. */
  let stateDir: string;
  const states: LinkState['kind'][] = [];

  beforeAll(async () => {
    stack = await startSystem();
    // A long, fixed reconnect delay leaves a window, after a server restart, in which the gateway
    // is away, wide enough for a scan on a loaded machine (4 s was not).
    stateDir = gatewayConfigFor(stack).stateDir;
    gateway = new Gateway(
      gatewayConfigFor(stack, {
        GATEWAY_LINK_BACKOFF_MIN_MS: '8000',
        GATEWAY_LINK_BACKOFF_MAX_MS: '8000',
        GATEWAY_STATE_DIR: stateDir,
      }),
      silentLogger(),
    );
    gateway.link.on('state', (s) => states.push(s.kind));
    gateway.start();
    admin = await adminToken(stack);
    await waitFor(
      () => gateway.linkState.kind === 'connected' && gateway.currentSetup !== null,
      'gateway online',
      15_000,
    );
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await stack?.stop();
  });

  const sim = (): NonNullable<Stack['sim']> => stack.sim!;
  const addressOf = (compartmentId: string): { unitId: number; coil: number; doorInput: number } =>
    gateway.currentSetup!.compartments.find((c) => c.compartmentId === compartmentId)!.modbus;
  const sessionStatus = async (id: string): Promise<string> =>
    (
      await gql<{ session: { status: string } }>(
        stack,
        admin,
        'query($id: ID!) { session(id: $id) { status } }',
        { id },
      )
    ).session.status;
  const doorState = async (compartmentId: string): Promise<string | undefined> =>
    (
      await gql<{ site: { compartments: Array<{ id: string; doorState: string }> } }>(
        stack,
        admin,
        'query($id: ID!) { site(id: $id) { compartments { id doorState } } }',
        {
          id: stack.seed.siteId,
        },
      )
    ).site.compartments.find((c) => c.id === compartmentId)?.doorState;

  async function pollUntil<T>(
    read: () => Promise<T>,
    want: T,
    what: string,
    timeoutMs = 10_000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await read();
      if (last === want) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${what}: wanted ${String(want)}, last ${String(last)}`);
  }

  it('reports every door after connecting', async () => {
    const setup = gateway.currentSetup!;
    expect(setup.compartments).toHaveLength(24);
    await pollUntil(() => doorState(setup.compartments[0]!.compartmentId), 'CLOSED', 'first door reported');
    await pollUntil(() => doorState(setup.compartments[23]!.compartmentId), 'CLOSED', 'last door reported');
  });

  it('scan -> pulse -> ack -> door opens -> closes -> STORED', async () => {
    const since = Date.now();
    const scan = await depositScan(stack);
    expect(scan.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const { unitId, coil, doorInput } = addressOf(scan.compartmentId!);
    await waitFor(
      () =>
        sim()
          .site.pulsesSince(since)
          .some((p) => p.unitId === unitId && p.coil === coil && p.durationMs !== null),
      'pulse',
    );
    const pulse = sim()
      .site.pulsesSince(since)
      .find((p) => p.coil === coil && p.unitId === unitId)!;
    const pulseMs = gateway.currentSetup!.pulseMs;
    expect(pulse.durationMs).toBeGreaterThan(pulseMs * 0.8);
    expect(pulse.durationMs).toBeLessThan(pulseMs * 1.2);
    await pollUntil(() => doorState(scan.compartmentId!), 'OPEN', 'door open at the server');
    sim().site.requireUnit(unitId).setDoor(doorInput, false, 'manual');
    await pollUntil(() => sessionStatus(scan.sessionId), 'STORED', 'session stored');
  });

  it('after a server restart no door is promised until the gateway is heard again; it reconnects by itself and the next scan pulses once', async () => {
    states.length = 0;
    await stack.restartServer();
    // Its last heartbeat is seconds old, but it was heard by the process that died: the link
    // it had may be gone, so the site's locks are not promised on it.
    expect(gateway.linkState.kind, 'the gateway is still away').not.toBe('connected');
    const refused = await depositScan(stack).then(
      (scan) => new Error(`not refused: ${scan.outcome}`),
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(GraphQLRequestError);
    expect((refused as GraphQLRequestError).code).toBe('LOCK_UNAVAILABLE');
    await waitFor(() => gateway.linkState.kind === 'connected', 'gateway reconnects', 40_000);
    expect(states).toContain('backoff');
    expect(states.at(-1)).toBe('connected');
    const since = Date.now();
    const scan = await depositScan(stack);
    expect(scan.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const { unitId, coil } = addressOf(scan.compartmentId!);
    await waitFor(
      () =>
        sim()
          .site.pulsesSince(since)
          .some((p) => p.unitId === unitId && p.coil === coil),
      'pulse',
      10_000,
    );
    await pollUntil(() => doorState(scan.compartmentId!), 'OPEN', 'door open at the server');
  }, 60_000);

  it("runs a command issued while it was away, once, when it is back within the command's life", async () => {
    // It leaves; heard from a moment ago by this server, it is still present: a scan is taken.
    await gateway.stop();
    const since = Date.now();
    const scan = await depositScan(stack);
    expect(scan.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const { unitId, coil } = addressOf(scan.compartmentId!);
    gateway = new Gateway(gatewayConfigFor(stack, { GATEWAY_STATE_DIR: stateDir }), silentLogger());
    gateway.start();
    await waitFor(
      () =>
        sim()
          .site.pulsesSince(since)
          .some((p) => p.unitId === unitId && p.coil === coil),
      'pulse after reconnect',
      10_000,
    );
    // pulsed once only, however often the command was delivered
    await new Promise((r) => setTimeout(r, 500));
    expect(
      sim()
        .site.pulsesSince(since)
        .filter((p) => p.unitId === unitId && p.coil === coil),
    ).toHaveLength(1);
    await pollUntil(() => doorState(scan.compartmentId!), 'OPEN', 'door open at the server');
  }, 60_000);

  it('a door opened without an unlock becomes FORCED_OPEN with a DOOR_FORCED alert', async () => {
    const target = gateway.currentSetup!.compartments.find((c) => c.label === 'B12')!;
    sim().site.requireUnit(target.modbus.unitId).setDoor(target.modbus.doorInput, true, 'forced');
    const forced = async (): Promise<boolean> => {
      const { doorEvents } = await gql<{
        doorEvents: { nodes: Array<{ type: string; compartment: { id: string } }> };
      }>(
        stack,
        admin,
        'query($s: ID) { doorEvents(siteId: $s, first: 50) { nodes { type compartment { id } } } }',
        { s: stack.seed.siteId },
      );
      return doorEvents.nodes.some(
        (e) => e.type === 'FORCED_OPEN' && e.compartment.id === target.compartmentId,
      );
    };
    await pollUntil(forced, true, 'FORCED_OPEN event');
    const { alerts } = await gql<{ alerts: Array<{ type: string; compartment: { id: string } | null }> }>(
      stack,
      admin,
      'query($s: ID) { alerts(siteId: $s, open: true) { type compartment { id } } }',
      { s: stack.seed.siteId },
    );
    expect(alerts.some((a) => a.type === 'DOOR_FORCED' && a.compartment?.id === target.compartmentId)).toBe(
      true,
    );
  });
  it('--check reads every door once and prints a table; fails when a controller is unreachable', async () => {
    const config = gatewayConfigFor(stack, { GATEWAY_MODBUS_CONNECT_TIMEOUT_MS: '300' });
    const lines: string[] = [];
    sim().site.requireUnit(1).setDoor(4, true, 'manual');
    sim().site.requireUnit(2).setCoil(9, true); // a pulse under way: a read-only check must not cut it
    expect(await runCheck(config, silentLogger(), (l) => lines.push(l))).toBe(0);
    expect(sim().site.requireUnit(2).coils[9]).toBe(true);
    sim().site.requireUnit(2).setCoil(9, false);
    expect(lines.filter((l) => /^[AB]\d\d\s/.test(l))).toHaveLength(24);
    expect(lines.at(-1)).toBe('ok: 24 doors read');
    expect(lines.find((l) => l.startsWith('A05'))).toMatch(/OPEN/);
    expect(lines.find((l) => l.startsWith('A06'))).toMatch(/CLOSED/);
    sim().site.requireUnit(1).setDoor(4, false, 'manual');

    sim().site.setFaults({ refuseConnections: true });
    try {
      const failing: string[] = [];
      expect(await runCheck(config, silentLogger(), (l) => failing.push(l))).toBe(1);
      // refused at once, or accepted and closed: either way the controller's doors cannot be read
      expect(
        failing.some((l) =>
          /^PROBLEM: (controller tcp:\S+ unreachable|unit \d+ at tcp:\S+: door read failed)/.test(l),
        ),
      ).toBe(true);
      expect(failing.at(-1)).toMatch(/problem\(s\)/);
    } finally {
      sim().site.setFaults({ refuseConnections: false });
    }
  });

  it('SIGTERM mid-pulse: the gateway process finishes the pulse, the relay ends off, exit 0', async () => {
    await gateway.stop(); // one gateway per token at a time, so the process gets the command
    const child = startChild('gateway', process.execPath, ['dist/cli/gateway-main.js'], {
      cwd: path.join(ROOT, 'lock-gateway'),
      env: {
        GATEWAY_SERVER_URL: stack.serverUrl,
        GATEWAY_TOKEN: stack.seed.gatewayToken,
        GATEWAY_STATE_DIR: gatewayConfigFor(stack).stateDir,
        LOG_LEVEL: 'warn',
      },
      output: 'ignore',
    });
    try {
      await gql(stack, admin, 'mutation($id: ID!) { updateSite(id: $id, pulseMs: 800) { id } }', {
        id: stack.seed.siteId,
      });
      await new Promise((r) => setTimeout(r, 1500)); // let it connect
      const since = Date.now();
      const started = new Promise<void>((resolve) => sim().site.once('pulseStart', () => resolve()));
      const scan = await depositScan(stack);
      expect(scan.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
      await started;
      child.process.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      const [pulse] = sim().site.pulsesSince(since);
      expect(pulse?.durationMs).toBeGreaterThan(640);
      expect(sim().site.requireUnit(pulse!.unitId).coils[pulse!.coil]).toBe(false);
    } finally {
      await child.stop();
    }
  }, 30_000);
  it('notices a half-open link by its keep-alive and comes back through a fresh connection', async () => {
    const proxy = await startTcpProxy(Number(new URL(stack.serverUrl).port));
    const viaProxy = { ...stack, serverUrl: `http://127.0.0.1:${proxy.port}` };
    const config = gatewayConfigFor(viaProxy, {
      GATEWAY_LINK_KEEPALIVE_MS: '300',
      GATEWAY_LINK_BACKOFF_MIN_MS: '100',
      GATEWAY_LINK_BACKOFF_MAX_MS: '200',
    });
    const g = new Gateway(config, silentLogger());
    const kinds: string[] = [];
    g.link.on('state', (s) => kinds.push(s.kind));
    g.start();
    try {
      await waitFor(() => g.linkState.kind === 'connected', 'connected through the proxy', 10_000);
      proxy.freeze(); // nothing passes, nothing closes
      await waitFor(() => g.linkState.kind !== 'connected', 'dead link noticed', 3000);
      proxy.thaw();
      await waitFor(() => g.linkState.kind === 'connected', 'reconnected', 10_000);
      expect(kinds.filter((k) => k === 'connected')).toHaveLength(2);
    } finally {
      await g.stop();
      await proxy.close();
    }
  }, 30_000);

  it('an unlock that expired while the gateway was away is answered FAILED when it is back: never pulsed, and the next scan opens', async () => {
    // The gateway leaves; its presence still lasts, so a scan is accepted and its unlock waits.
    await gateway.stop();
    const since = Date.now();
    const scan = await depositScan(stack);
    expect(scan.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const first = addressOf(scan.compartmentId!);
    // away for longer than the unlock lives (10 s)
    await new Promise((r) => setTimeout(r, 11_500));
    gateway = new Gateway(gatewayConfigFor(stack, { GATEWAY_STATE_DIR: stateDir }), silentLogger());
    gateway.start();
    await waitFor(() => gateway.linkState.kind === 'connected', 'gateway back', 15_000);
    // handed the expired unlock, it answers from its journal: never begun, so FAILED; the
    // depositor's code works again at once (another compartment, the first one to be inspected)
    await pollUntil(() => sessionStatus(scan.sessionId), 'CREATED', 'deposit undone', 10_000);
    expect(
      sim()
        .site.pulsesSince(since)
        .filter((p) => p.unitId === first.unitId && p.coil === first.coil),
    ).toEqual([]);
    const again = await gql<{ scanAccessCode: { outcome: string; compartment: { id: string } | null } }>(
      stack,
      stack.seed.kioskToken,
      'mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome compartment { id } } }',
      { s: stack.seed.siteId, p: scan.payload },
    );
    expect(again.scanAccessCode.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    const second = addressOf(again.scanAccessCode.compartment!.id);
    await waitFor(
      () =>
        sim()
          .site.pulsesSince(since)
          .some((p) => p.unitId === second.unitId && p.coil === second.coil),
      'the second compartment pulses',
      10_000,
    );
  }, 60_000);
});
