/**
 * Door sensors: one block read per unit per poll over real Modbus TCP, only changes
 * reported, batched and timestamped at the read; kept while the server is away and
 * followed by the full state after the link comes back.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DoorPoller } from '../src/doors/door-poller.js';
import { DoorReporter } from '../src/doors/door-reporter.js';
import { BoardPool } from '../src/gateway/board-pool.js';
import type { GatewayCompartment } from '../src/link/api.types.js';
import { silentLogger } from '../src/logging/logger.js';
import { startSimulator, type Simulator } from '../src/simulator/simulator.js';
import { RecordingApi, testConfig, waitFor } from './support/fixtures.js';

let sim: Simulator;
let pool: BoardPool;
let poller: DoorPoller;
let reporter: DoorReporter;
let api: RecordingApi;

const compartments = (endpoint: string): GatewayCompartment[] =>
  [1, 2].flatMap((unitId) =>
    Array.from({ length: 12 }, (_, i) => ({
      compartmentId: `${unitId}-${i}`,
      label: `${unitId === 1 ? 'A' : 'B'}${String(i + 1).padStart(2, '0')}`,
      modbus: { endpoint, unitId, coil: i, doorInput: i },
    })),
  );

beforeEach(async () => {
  sim = await startSimulator({ modbusPort: 0, httpPort: null });
  const config = testConfig({ pollIntervalMs: 50 });
  const log = silentLogger();
  api = new RecordingApi();
  pool = new BoardPool(config, log);
  poller = new DoorPoller({
    pool,
    intervalMs: 50,
    unknownAfterMs: 400,
    log,
    onChanges: (c) => reporter.enqueue(c),
  });
  reporter = new DoorReporter(
    api,
    { snapshot: () => poller.snapshot(), controllers: () => poller.controllers() },
    log,
  );
  const layout = compartments(sim.endpoint);
  pool.setLayout(layout);
  poller.setCompartments(layout);
  reporter.linkUp();
});

afterEach(async () => {
  await poller.stop();
  reporter.stop();
  await pool.close();
  await sim.stop();
});

const reported = (): Array<{ compartmentId: string; state: string; at: string }> => api.reports.flat();

it('reports every door once, then only changes, batched and timestamped at the read', async () => {
  await waitFor(() => reported().length >= 24, 'initial states');
  expect(new Set(reported().map((r) => r.state))).toEqual(new Set(['CLOSED']));
  const before = api.reports.length;

  const t0 = Date.now();
  sim.site.requireUnit(1).setDoor(2, true, 'manual');
  sim.site.requireUnit(2).setDoor(5, true, 'manual');
  await waitFor(() => reported().some((r) => r.compartmentId === '2-5'), 'change report');
  await new Promise((r) => setTimeout(r, 300)); // several more polls, nothing changes
  const later = api.reports.slice(before);
  expect(
    later
      .flat()
      .map((r) => `${r.compartmentId}:${r.state}`)
      .sort(),
  ).toEqual(['1-2:OPEN', '2-5:OPEN']);
  // both changes, read in the same poll round, left in one request
  expect(later).toHaveLength(1);
  for (const r of later.flat()) {
    const at = Date.parse(r.at);
    expect(at).toBeGreaterThanOrEqual(t0);
    expect(at).toBeLessThanOrEqual(t0 + 1000);
  }
});

it('reads each unit as ONE discrete-input block per poll', async () => {
  await waitFor(() => reported().length >= 24, 'initial states');
  sim.site.requests.clear();
  await new Promise((r) => setTimeout(r, 500));
  const fc2 = sim.site.requests.get(2) ?? 0;
  // 2 units x ~10 polls; one read per door would be 12x more
  expect(fc2).toBeGreaterThanOrEqual(12);
  expect(fc2).toBeLessThanOrEqual(24);
});

it('keeps changes while the server is away, then sends them and the full state', async () => {
  await waitFor(() => reported().length >= 24, 'initial states');
  api.offline = true;
  reporter.linkDown();
  sim.site.requireUnit(1).setDoor(0, true, 'manual');
  await new Promise((r) => setTimeout(r, 150));
  sim.site.requireUnit(1).setDoor(0, false, 'manual');
  await new Promise((r) => setTimeout(r, 150));
  const before = api.reports.length;

  api.offline = false;
  reporter.linkUp();
  await waitFor(() => api.reports.slice(before).flat().length >= 26, 'flush after reconnect');
  const sent = api.reports.slice(before).flat();
  // the open-then-close that happened while away, in order, with their own times...
  const door0 = sent.filter((r) => r.compartmentId === '1-0');
  expect(door0.slice(0, 2).map((r) => r.state)).toEqual(['OPEN', 'CLOSED']);
  expect(Date.parse(door0[0]!.at)).toBeLessThan(Date.parse(door0[1]!.at));
  // ...and then every door's state
  expect(new Set(sent.map((r) => r.compartmentId)).size).toBe(24);
});

it('reports the doors of a silent controller UNKNOWN, and their state when it answers again', async () => {
  await waitFor(() => reported().length >= 24, 'initial states');
  sim.site.setFaults({ refuseConnections: true });
  sim.site.dropConnections();
  await waitFor(() => reported().filter((r) => r.state === 'UNKNOWN').length === 24, 'UNKNOWN reports', 3000);
  sim.site.setFaults({ refuseConnections: false });
  await waitFor(
    () =>
      reported()
        .slice(-24)
        .every((r) => r.state === 'CLOSED'),
    'CLOSED again',
    3000,
  );
});

it('with unknownAfterMs 0 keeps the last state through an outage and reports what changed during it', async () => {
  const quietApi = new RecordingApi();
  const log = silentLogger();
  let quietReporter: DoorReporter | null = null;
  const quiet = new DoorPoller({
    pool,
    intervalMs: 50,
    unknownAfterMs: 0,
    log,
    onChanges: (c) => quietReporter?.enqueue(c),
  });
  quietReporter = new DoorReporter(
    quietApi,
    { snapshot: () => quiet.snapshot(), controllers: () => quiet.controllers() },
    log,
  );
  quietReporter.linkUp();
  quiet.setCompartments(compartments(sim.endpoint));
  try {
    await waitFor(() => quietApi.reports.flat().length >= 24, 'initial states');
    sim.site.setFaults({ refuseConnections: true });
    sim.site.dropConnections();
    sim.site.requireUnit(2).setDoor(3, true, 'manual'); // changes while nobody can read it
    await new Promise((r) => setTimeout(r, 600));
    sim.site.setFaults({ refuseConnections: false });
    await waitFor(
      () => quietApi.reports.flat().some((r) => r.compartmentId === '2-3' && r.state === 'OPEN'),
      'change after recovery',
      3000,
    );
    expect(quietApi.reports.flat().some((r) => r.state === 'UNKNOWN')).toBe(false);
  } finally {
    await quiet.stop();
    quietReporter.stop();
  }
});
