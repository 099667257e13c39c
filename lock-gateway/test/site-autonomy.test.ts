/**
 * Site autonomy with real processes: the launcher starts the server (built dist, scratch
 * PostgreSQL) and the gateway with its site path; the simulator runs in this process so its
 * pulse log can be read. Ten bags are stored, the server is killed, all ten are collected
 * through the site path with their codes (the gateway killed with SIGKILL halfway and started
 * again), the server comes back, and every retrieval is applied on the server exactly once,
 * the sessions ending by their door readings.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startChild, type Child } from '@lockers/launcher';
import { waitFor } from './support/fixtures.js';
import { adminToken, depositScan, gql, ROOT, startSiteSystem, type Stack } from './support/system.js';

interface Status {
  online: boolean;
  pendingEvents: number;
  storedBags: number;
}

describe('site autonomy: collections while the server is down', () => {
  let stack: Stack & { gatewayStateDir: string; gatewayEnv: Record<string, string> };
  let restarted: Child | null = null;
  let siteUrl: string;
  let admin: string;
  const bags: Array<{ sessionId: string; payload: string; compartmentId: string }> = [];
  let replacedCode = '';
  const pulseCount = new Map<string, number>();

  const status = async (): Promise<Status> =>
    (await (await fetch(`${siteUrl}/site/status`)).json()) as Status;
  const siteScan = async (code: string): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${siteUrl}/site/scan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const sim = (): NonNullable<Stack['sim']> => stack.sim!;
  const sessionStatus = async (id: string): Promise<string> =>
    (
      await gql<{ session: { status: string } }>(
        stack,
        admin,
        'query($id: ID!) { session(id: $id) { status } }',
        { id },
      )
    ).session.status;
  const addressOf = async (
    compartmentId: string,
  ): Promise<{ unitId: number; coil: number; doorInput: number }> => {
    const { gatewayConfig } = await gql<{
      gatewayConfig: {
        compartments: Array<{
          compartmentId: string;
          modbus: { unitId: number; coil: number; doorInput: number };
        }>;
      };
    }>(
      stack,
      stack.seed.gatewayToken,
      'query { gatewayConfig { compartments { compartmentId modbus { unitId coil doorInput } } } }',
    );
    return gatewayConfig.compartments.find((c) => c.compartmentId === compartmentId)!.modbus;
  };
  /** Waits for the pulse to open the door and the gateway to read it open, then shuts it. */
  async function takeBagAndClose(a: { unitId: number; doorInput: number }): Promise<void> {
    const seenOpen = (): boolean => {
      const last = sim()
        .site.doorLog.records.filter((r) => r.unitId === a.unitId && r.input === a.doorInput && r.open)
        .at(-1);
      return sim().site.requireUnit(a.unitId).doors[a.doorInput] === true && (last?.readsOpen ?? 0) > 0;
    };
    await waitFor(seenOpen, 'door opened by the pulse and read open', 10_000);
    sim().site.requireUnit(a.unitId).setDoor(a.doorInput, false, 'manual');
  }
  /** A MEDIUM (paid) bag: issued, scanned, paid by the kiosk's demo card, scanned again. */
  async function depositPaid(): Promise<{
    sessionId: string;
    payload: string;
    outcome: string;
    compartmentId: string | null;
  }> {
    const kiosk = stack.seed.kioskToken;
    const issued = await gql<{ issueAccessCode: { session: { id: string }; code: { payload: string } } }>(
      stack,
      kiosk,
      'mutation($s: ID!) { issueAccessCode(siteId: $s, size: MEDIUM) { session { id } code { payload } } }',
      { s: stack.seed.siteId },
    );
    const sessionId = issued.issueAccessCode.session.id;
    const payload = issued.issueAccessCode.code.payload;
    const scan = (): Promise<{ scanAccessCode: { outcome: string; compartment: { id: string } | null } }> =>
      gql(
        stack,
        kiosk,
        'mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome compartment { id } } }',
        {
          s: stack.seed.siteId,
          p: payload,
        },
      );
    expect((await scan()).scanAccessCode.outcome).toBe('PAYMENT_REQUIRED');
    const { createPayment } = await gql<{ createPayment: { id: string } }>(
      stack,
      kiosk,
      'mutation($id: ID!) { createPayment(sessionId: $id) { id } }',
      { id: sessionId },
    );
    await gql(
      stack,
      kiosk,
      'mutation($id: ID!) { confirmDemoPayment(paymentId: $id, outcome: APPROVE) { status } }',
      {
        id: createPayment.id,
      },
    );
    const second = (await scan()).scanAccessCode;
    return { sessionId, payload, outcome: second.outcome, compartmentId: second.compartment?.id ?? null };
  }
  const addresses = new Map<string, { unitId: number; coil: number; doorInput: number }>();

  beforeAll(async () => {
    const sitePort = await freePort();
    siteUrl = `http://127.0.0.1:${sitePort}`;
    stack = await startSiteSystem({
      GATEWAY_SITE_PORT: String(sitePort),
      GATEWAY_SITE_HOST: '127.0.0.1',
      GATEWAY_LINK_BACKOFF_MIN_MS: '100',
      GATEWAY_LINK_BACKOFF_MAX_MS: '500',
    });
    admin = await adminToken(stack);
    await waitFor(async () => (await status().catch(() => null))?.online === true, 'gateway online', 30_000);
    sim().site.on('pulseStart', (p) => {
      const key = `${p.unitId}/${p.coil}`;
      pulseCount.set(key, (pulseCount.get(key) ?? 0) + 1);
    });
  }, 180_000);

  afterAll(async () => {
    await restarted?.stop();
    await stack?.stop();
  });

  it('keeps a replica of the stored bags from the live feed, with verifiers and no code', async () => {
    for (let i = 0; i < 11; i++) {
      const scan = i < 8 ? await depositScan(stack) : await depositPaid();
      expect(scan.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
      const address = await addressOf(scan.compartmentId!);
      addresses.set(scan.compartmentId!, address);
      await takeBagAndClose(address);
      await waitFor(async () => (await sessionStatus(scan.sessionId)) === 'STORED', 'stored', 10_000);
      bags.push({ sessionId: scan.sessionId, payload: scan.payload, compartmentId: scan.compartmentId! });
    }
    // the eleventh bag's code is regenerated before the outage: the old one must not open offline
    const last = bags.pop()!;
    replacedCode = last.payload;
    await gql(
      stack,
      admin,
      'mutation($s: ID!) { regenerateAccessCode(sessionId: $s, reason: "lost ticket") { session { id } } }',
      {
        s: last.sessionId,
      },
    );
    await waitFor(async () => (await status()).storedBags === 11, 'replica follows the feed', 10_000);

    const file = fs.readFileSync(path.join(stack.gatewayStateDir, 'site-replica.json'), 'utf8');
    for (const code of [...bags.map((b) => b.payload), replacedCode]) {
      expect(file).not.toContain(code);
      expect(file).not.toContain(code.slice(4));
      expect(file).not.toContain(createHash('sha256').update(code).digest('hex'));
    }
  }, 120_000);

  it('opens all ten through the site path with the server down, within 2 s each, pulsing once', async () => {
    await stack.replicas[0]!.kill();
    await waitFor(async () => (await status()).online === false, 'site offline', 15_000);
    pulseCount.clear();

    const refused = await siteScan(replacedCode);
    expect(refused.status).toBe(404);
    expect((refused.body.error as { code: string }).code).toBe('UNKNOWN_CODE');
    expect((await siteScan('not a code')).status).toBe(400);

    const timings: number[] = [];
    for (const [i, bag] of bags.entries()) {
      if (i === 5) {
        // kill -9 of the site process mid-outage: what it acknowledged must survive
        const gateway = stack.gateway!;
        gateway.process.kill('SIGKILL');
        await gateway.exited;
        restarted = startChild('gateway', process.execPath, ['dist/cli/gateway-main.js'], {
          cwd: path.join(ROOT, 'lock-gateway'),
          env: stack.gatewayEnv,
          output: { file: path.join(ROOT, 'lock-gateway/.data/test-logs/site-gateway-restarted.log') },
        });
        await waitFor(
          async () => (await status().catch(() => null))?.pendingEvents === 5,
          'restarted offline',
          15_000,
        );
        const before = await siteScan(bags[0]!.payload);
        expect((before.body.error as { code: string }).code).toBe('ALREADY_OPENED');
      }
      const t0 = Date.now();
      const res = await siteScan(bag.payload);
      timings.push(Date.now() - t0);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.outcome).toBe('OPENED');
      const a = addresses.get(bag.compartmentId)!;
      await takeBagAndClose(a);
    }
    expect(Math.max(...timings)).toBeLessThan(2000);
    // a code opens once offline
    const again = await siteScan(bags[0]!.payload);
    expect((again.body.error as { code: string }).code).toBe('ALREADY_OPENED');
    expect((await status()).pendingEvents).toBe(10);
    for (const bag of bags) {
      const a = addresses.get(bag.compartmentId)!;
      expect(pulseCount.get(`${a.unitId}/${a.coil}`), `pulses of ${bag.compartmentId}`).toBe(1);
    }
    expect([...pulseCount.values()].reduce((x, y) => x + y, 0)).toBe(10);
  }, 60_000);

  it('replays every retrieval exactly once after the server returns; the sessions end on the server', async () => {
    await stack.replicas[0]!.start();
    admin = await adminToken(stack);
    await waitFor(
      async () => {
        const s = await status();
        return s.online && s.pendingEvents === 0;
      },
      'replayed',
      30_000,
    );
    for (const bag of bags)
      await waitFor(
        async () => (await sessionStatus(bag.sessionId)) === 'COMPLETED',
        `session ${bag.sessionId} completed`,
        15_000,
      );
    const { siteOfflineEvents } = await gql<{
      siteOfflineEvents: Array<{
        id: string;
        sessionId: string;
        outcome: string;
        conflict: string | null;
        seq: number;
      }>;
    }>(
      stack,
      admin,
      'query($s: ID) { siteOfflineEvents(siteId: $s) { id sessionId outcome conflict seq } }',
      {
        s: stack.seed.siteId,
      },
    );
    expect(siteOfflineEvents).toHaveLength(10);
    expect(new Set(siteOfflineEvents.map((e) => e.sessionId))).toEqual(new Set(bags.map((b) => b.sessionId)));
    expect(siteOfflineEvents.every((e) => e.outcome === 'APPLIED' && e.conflict === null)).toBe(true);
    expect(siteOfflineEvents.map((e) => e.seq).sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    // the openings were expected ones: no forced door, no conflict
    const { alerts } = await gql<{ alerts: Array<{ type: string }> }>(
      stack,
      admin,
      'query($s: ID) { alerts(siteId: $s) { type } }',
      {
        s: stack.seed.siteId,
      },
    );
    expect(alerts.filter((a) => a.type === 'DOOR_FORCED' || a.type === 'OFFLINE_CONFLICT')).toEqual([]);
    // the replica no longer holds them
    await waitFor(async () => (await status()).storedBags === 1, 'replica resynchronised', 10_000);
    // the board: the site is online again, nothing waits to sync, no outage alert left open
    const board = async () =>
      gql<{
        site: { gateways: Array<{ mode: string; offlineEventsWaiting: number }> };
        alerts: Array<{ type: string }>;
      }>(
        stack,
        admin,
        'query($s: ID!) { site(id: $s) { gateways { mode offlineEventsWaiting } } alerts(siteId: $s, open: true) { type } }',
        { s: stack.seed.siteId },
      );
    await waitFor(
      async () => {
        const b = await board();
        return !b.alerts.some((a) => a.type === 'SITE_OFFLINE' || a.type === 'GATEWAY_OFFLINE');
      },
      'outage alert resolved',
      10_000,
    );
    expect((await board()).site.gateways).toEqual([{ mode: 'ONLINE', offlineEventsWaiting: 0 }]);
  }, 90_000);
});
