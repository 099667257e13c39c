import { mkdtempSync, rmSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startTestServer } from '../support/test-server.js';
import { collect, createSite, door, heartbeat, issue, ok, scan, SCAN, waitFor } from '../support/fixtures.js';
import { buildApp } from '../../src/app/app.js';
import { loadConfig } from '../../src/config/config.js';

describe('nothing is lost when the server restarts', () => {
  test('sessions and pending gateway commands survive a restart', async () => {
    const s = await startTestServer();
    try {
      const f = await createSite(s);
      const stored = await issue(s, f);
      const r = await scan(s, f, stored.code.payload);
      await door(s, f, r.compartment!.id, 'OPEN');
      await door(s, f, r.compartment!.id, 'CLOSED');
      const pending = await issue(s, f, 'MEDIUM');
      const p = await scan(s, f, pending.code.payload);
      await s.restart();
      const after = ok(
        await s.gql<{ session: { status: string } }>(
          `query($id:ID!){ session(id:$id){ status } }`,
          { id: stored.session.id },
          f.adminToken,
        ),
      );
      expect(after.session.status).toBe('STORED');
      const feed = collect<{ gatewayCommands: { compartmentId: string } }>(
        s.ws(f.gatewayToken),
        `subscription { gatewayCommands { compartmentId } }`,
      );
      await waitFor(() => feed.events.some((e) => e.gatewayCommands.compartmentId === p.compartment!.id));
      expect((await scan(s, f, stored.code.payload)).outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    } finally {
      await s.stop();
    }
  });

  test("a restarted server promises no door on the gateway's heartbeat from before it: it waits to hear the gateway again", async () => {
    const s = await startTestServer();
    try {
      const f = await createSite(s);
      const stored = await issue(s, f);
      const r = await scan(s, f, stored.code.payload);
      await door(s, f, r.compartment!.id, 'OPEN');
      await door(s, f, r.compartment!.id, 'CLOSED');
      await heartbeat(s, f);
      // The gateway's link was to the process that died: its last heartbeat is a second old,
      // well inside the presence window, but nothing tells this server the gateway is still there.
      await s.restart();
      const online = async () =>
        ok(
          await s.gql<{ site: { gateways: Array<{ online: boolean }> } }>(
            `query($id:ID!){ site(id:$id){ gateways { online } } }`,
            { id: f.siteId },
            f.adminToken,
          ),
        ).site.gateways[0]!.online;
      expect(await online()).toBe(false);
      const refused = await s.gql(SCAN, { s: f.siteId, p: stored.code.payload, i: 'RETRIEVE' }, f.kioskToken);
      expect(refused.errors?.[0]?.extensions?.code).toBe('LOCK_UNAVAILABLE');
      // heard again (its feed reopened, or a heartbeat through another instance): doors are promised
      await heartbeat(s, f);
      expect(await online()).toBe(true);
      expect((await scan(s, f, stored.code.payload)).outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
    } finally {
      await s.stop();
    }
  });

  test('with no DATABASE_URL an embedded PostgreSQL keeps its data in the data folder across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockers-embedded-'));
    chmodSync(dataDir, 0o755);
    const env = {
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(55000 + Math.floor(Math.random() * 5000)),
      LOG_LEVEL: 'silent',
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'admin-password-1',
    };
    try {
      const first = await buildApp(loadConfig(env), { background: false });
      const site = await first.services.sites.create('Persisted', 'UTC');
      await first.close();
      const second = await buildApp(loadConfig(env), { background: false });
      const found = await second.services.sites.get(site.id);
      await second.close();
      expect(found?.name).toBe('Persisted');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  test('an embedded PostgreSQL that dies (kill -9) is restarted by the server, and requests work again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockers-embedded-'));
    chmodSync(dataDir, 0o755);
    const env = {
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(55000 + Math.floor(Math.random() * 5000)),
      LOG_LEVEL: 'silent',
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'admin-password-1',
    };
    const app = await buildApp(loadConfig(env), { background: false });
    try {
      const site = await app.services.sites.create('Survives', 'UTC');
      // NaN while the restarted postmaster has not written its pid file yet
      const pidOf = () => {
        try {
          return Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
        } catch {
          return Number.NaN;
        }
      };
      const first = pidOf();
      process.kill(first, 'SIGKILL');
      const started = Date.now();
      // a backend may still answer for a moment after its postmaster died: wait for the new one
      await waitFor(() => {
        const pid = pidOf();
        return Number.isFinite(pid) && pid !== first;
      }, 30_000);
      const found = await waitFor(
        async () => (await app.services.sites.get(site.id).catch(() => null))?.name,
        30_000,
      );
      expect(found).toBe('Survives');
      console.warn(`embedded PostgreSQL back ${Date.now() - started} ms after kill -9`);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
