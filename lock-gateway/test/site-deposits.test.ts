/**
 * Deposits through the site path with real processes: the server is killed, the site waits out
 * its safety delay, takes free-size deposits with codes it issues (a paid size refused), one
 * is collected offline again, the gateway is killed with SIGKILL and started again (still
 * offline), and after the server returns every deposit is a session on the server exactly
 * once, stored by its door readings, opened online by the site's code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startChild, type Child } from '@lockers/launcher';
import { waitFor } from './support/fixtures.js';
import { adminToken, gql, ROOT, startSiteSystem, type Stack } from './support/system.js';

interface Status {
  online: boolean;
  pendingEvents: number;
  storedBags: number;
  deposits: {
    openFrom: string | null;
    sizes: Array<{ size: string; available: number; includedMinutes: number }>;
  };
}
interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
}

describe('site autonomy: deposits while the server is down', () => {
  let stack: Stack & { gatewayStateDir: string; gatewayEnv: Record<string, string> };
  let restarted: Child | null = null;
  let siteUrl: string;
  const deposits: Array<{ code: string; label: string }> = [];
  const pulses: string[] = [];

  const status = async (): Promise<Status> =>
    (await (await fetch(`${siteUrl}/site/status`)).json()) as Status;
  const post = async (route: string, body: unknown): Promise<Answer> => {
    const res = await fetch(`${siteUrl}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  };
  const sim = (): NonNullable<Stack['sim']> => stack.sim!;
  /** The compartment behind a label, as the simulator and the gateway's set-up know it. */
  const addressOf = (label: string): { unitId: number; doorInput: number } => {
    const file = JSON.parse(
      fs.readFileSync(path.join(stack.gatewayStateDir, 'site-replica.json'), 'utf8'),
    ) as {
      setup: { compartments: Array<{ label: string; modbus: { unitId: number; doorInput: number } }> };
    };
    return file.setup.compartments.find((c) => c.label === label)!.modbus;
  };
  async function putBagInAndClose(label: string): Promise<void> {
    const a = addressOf(label);
    await waitFor(
      () => sim().site.requireUnit(a.unitId).doors[a.doorInput] === true,
      `door ${label} sprung open`,
      10_000,
    );
    await new Promise((r) => setTimeout(r, 300)); // read open by the gateway's poller (50 ms)
    sim().site.requireUnit(a.unitId).setDoor(a.doorInput, false, 'manual');
    await new Promise((r) => setTimeout(r, 300)); // and read closed
  }

  beforeAll(async () => {
    const sitePort = await freePort();
    siteUrl = `http://127.0.0.1:${sitePort}`;
    stack = await startSiteSystem({
      GATEWAY_SITE_PORT: String(sitePort),
      GATEWAY_SITE_HOST: '127.0.0.1',
      GATEWAY_LINK_BACKOFF_MIN_MS: '100',
      GATEWAY_LINK_BACKOFF_MAX_MS: '500',
    });
    await waitFor(async () => (await status().catch(() => null))?.online === true, 'gateway online', 30_000);
    sim().site.on('pulseStart', (p) => pulses.push(`${p.unitId}/${p.coil}`));
  }, 180_000);

  afterAll(async () => {
    await restarted?.stop();
    await stack?.stop();
  });

  it('online, nothing is taken at the site; cut off, only after the safety delay and only free sizes', async () => {
    await waitFor(
      async () => ((await status()).deposits.sizes.length ?? 0) > 0,
      'replica with free sizes',
      10_000,
    );
    expect((await post('/site/deposit', { size: 'SMALL' })).body.error?.code).toBe('SERVER_REACHABLE');
    expect((await status()).deposits.openFrom).toBeNull();

    const cutAt = Date.now();
    await stack.replicas[0]!.kill();
    await waitFor(async () => (await status()).online === false, 'site offline', 15_000);
    const offline = await status();
    expect(offline.deposits.sizes).toEqual([
      { size: 'SMALL', available: expect.any(Number), includedMinutes: expect.any(Number) },
    ]);
    const openFrom = Date.parse(offline.deposits.openFrom!);
    // the server's presence expiry (10 s) and unlock expiry (10 s) must pass first
    expect(openFrom - cutAt).toBeGreaterThanOrEqual(20_000);
    const early = await post('/site/deposit', { size: 'SMALL', language: 'de' });
    expect(early.status).toBe(503);
    expect(early.body.error?.code).toBe('DEPOSITS_NOT_YET');
    expect((await post('/site/deposit', { size: 'small; drop table' })).status).toBe(400);
    expect((await post('/site/deposit', [1, 2])).status).toBe(400);
    expect(pulses).toEqual([]);
    await new Promise((r) => setTimeout(r, Math.max(0, openFrom - Date.now() + 200)));
    const paid = await post('/site/deposit', { size: 'MEDIUM' });
    expect(paid.status).toBe(402);
    expect(paid.body.error?.code).toBe('SIZE_NOT_FREE');
  }, 60_000);

  it('takes free-size deposits with codes of its own; one is collected offline again', async () => {
    const before = (await status()).deposits.sizes[0]!.available;
    for (let i = 0; i < 3; i++) {
      const res = await post('/site/deposit', { size: 'SMALL', language: 'de' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ outcome: 'OPENED', size: 'SMALL' });
      expect(res.body.code).toMatch(/^LS1:[A-Z2-7]{32}$/);
      await putBagInAndClose(res.body.compartmentLabel as string);
      deposits.push({ code: res.body.code as string, label: res.body.compartmentLabel as string });
    }
    expect(new Set(deposits.map((d) => d.label)).size).toBe(3);
    expect((await status()).deposits.sizes[0]!.available).toBe(before - 3);
    expect(pulses).toHaveLength(3);

    // the traveller comes back before the link does: the site's code opens it offline
    const collect = await post('/site/scan', { code: deposits[2]!.code });
    expect(collect.status, JSON.stringify(collect.body)).toBe(200);
    await putBagInAndClose(deposits[2]!.label);
    expect((await post('/site/scan', { code: deposits[2]!.code })).body.error?.code).toBe('ALREADY_OPENED');
    expect((await status()).pendingEvents).toBe(4);
  }, 60_000);

  it('a kill -9 of the site process loses none of it; the files hold no code', async () => {
    const gateway = stack.gateway!;
    gateway.process.kill('SIGKILL');
    await gateway.exited;
    restarted = startChild('gateway', process.execPath, ['dist/cli/gateway-main.js'], {
      cwd: path.join(ROOT, 'lock-gateway'),
      env: stack.gatewayEnv,
      output: { file: path.join(ROOT, 'lock-gateway/.data/test-logs/site-deposits-restarted.log') },
    });
    await waitFor(
      async () => (await status().catch(() => null))?.pendingEvents === 4,
      'restarted offline',
      15_000,
    );
    // the restarted process waits out the delay again before taking deposits
    expect((await post('/site/deposit', { size: 'SMALL' })).body.error?.code).toBe('DEPOSITS_NOT_YET');
    // a deposit's code still opens nothing twice, and the other one still opens
    expect((await post('/site/scan', { code: deposits[2]!.code })).body.error?.code).toBe('ALREADY_OPENED');
    for (const name of fs.readdirSync(stack.gatewayStateDir)) {
      const text = fs.readFileSync(path.join(stack.gatewayStateDir, name), 'latin1');
      for (const d of deposits) {
        expect(text, name).not.toContain(d.code);
        expect(text, name).not.toContain(d.code.slice(4));
      }
    }
  }, 60_000);

  it('after the link returns every deposit is a session exactly once, stored, and opened online by its code', async () => {
    await stack.replicas[0]!.start();
    const admin = await adminToken(stack);
    await waitFor(
      async () => {
        const s = await status();
        return s.online && s.pendingEvents === 0;
      },
      'replayed',
      40_000,
    );
    const { siteOfflineEvents } = await gql<{
      siteOfflineEvents: Array<{ kind: string; sessionId: string; outcome: string; conflict: string | null }>;
    }>(stack, admin, 'query($s: ID) { siteOfflineEvents(siteId: $s) { kind sessionId outcome conflict } }', {
      s: stack.seed.siteId,
    });
    expect(siteOfflineEvents.map((e) => e.kind).sort()).toEqual([
      'DEPOSIT',
      'DEPOSIT',
      'DEPOSIT',
      'RETRIEVAL',
    ]);
    expect(siteOfflineEvents.every((e) => e.outcome === 'APPLIED' && e.conflict === null)).toBe(true);
    const statusOf = async (sessionId: string) =>
      (
        await gql<{ session: { status: string; compartment: { label: string } } }>(
          stack,
          admin,
          'query($id: ID!) { session(id: $id) { status compartment { label } } }',
          { id: sessionId },
        )
      ).session;
    const depositEvents = siteOfflineEvents.filter((e) => e.kind === 'DEPOSIT');
    await waitFor(
      async () => {
        const states = await Promise.all(depositEvents.map((e) => statusOf(e.sessionId)));
        return (
          states.filter((s) => s.status === 'STORED').length === 2 &&
          states.some((s) => s.status === 'COMPLETED')
        );
      },
      'two stored, the one collected offline completed',
      15_000,
    );
    // the site's code opens the bag through the server, as any code does
    const online = await gql<{ scanAccessCode: { outcome: string; compartment: { label: string } | null } }>(
      stack,
      stack.seed.kioskToken,
      'mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome compartment { label } } }',
      { s: stack.seed.siteId, p: deposits[0]!.code },
    );
    expect(online.scanAccessCode).toEqual({
      outcome: 'UNLOCKING_FOR_RETRIEVAL',
      compartment: { label: deposits[0]!.label },
    });
    const { alerts } = await gql<{ alerts: Array<{ type: string }> }>(
      stack,
      admin,
      'query($s: ID) { alerts(siteId: $s) { type } }',
      { s: stack.seed.siteId },
    );
    expect(alerts.filter((a) => a.type === 'DOOR_FORCED' || a.type === 'OFFLINE_CONFLICT')).toEqual([]);

    // the board and the door log agree with the simulator: one UNLOCKED per pulse, the two
    // stored bags' compartments occupied, the one collected offline free again
    const { site, doorEvents } = await gql<{
      site: { compartments: Array<{ label: string; status: string }> };
      doorEvents: { nodes: Array<{ type: string; compartment: { label: string } }> };
    }>(
      stack,
      admin,
      'query($s: ID!) { site(id: $s) { compartments { label status } } doorEvents(siteId: $s, first: 100) { nodes { type compartment { label } } } }',
      { s: stack.seed.siteId },
    );
    const statusOfLabel = (label: string) => site.compartments.find((c) => c.label === label)?.status;
    expect(statusOfLabel(deposits[1]!.label)).toBe('OCCUPIED');
    expect(statusOfLabel(deposits[2]!.label)).toBe('AVAILABLE');
    const unlocked = (label: string) =>
      doorEvents.nodes.filter((e) => e.type === 'UNLOCKED' && e.compartment.label === label).length;
    // deposits[0] was just opened online too (its command's ack may still be on its way)
    expect(unlocked(deposits[1]!.label)).toBe(1);
    expect(unlocked(deposits[2]!.label)).toBe(2);
    expect(pulses).toHaveLength(5);

    // the usage report counts the offline deposits and the offline retrieval
    const today = new Date();
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    const { usageReport } = await gql<{
      usageReport: { buckets: Array<{ deposits: number; retrievals: number }> };
    }>(
      stack,
      admin,
      'query($s: ID, $f: DateTime!, $t: DateTime!) { usageReport(siteId: $s, bucket: DAY, from: $f, to: $t) { buckets { deposits retrievals } } }',
      {
        s: stack.seed.siteId,
        f: from.toISOString(),
        t: new Date(from.getTime() + 2 * 86_400_000).toISOString(),
      },
    );
    const total = usageReport.buckets.reduce(
      (sum, b) => ({ deposits: sum.deposits + b.deposits, retrievals: sum.retrievals + b.retrievals }),
      { deposits: 0, retrievals: 0 },
    );
    expect(total.deposits).toBeGreaterThanOrEqual(3);
    expect(total.retrievals).toBeGreaterThanOrEqual(1);
  }, 90_000);
});
