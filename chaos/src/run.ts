/**
 * One chaos run: start the system, let travellers deposit and collect while faults are
 * injected, heal everything, let it settle, read the final picture and check it.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { check, type Verdict } from './check/index.ts';
import { collect } from './collect.ts';
import { injectFaults } from './faults/injector.ts';
import { needsFleet, type FaultKind } from './faults/plan.ts';
import { Gql } from './lib/gql.ts';
import { Rng, sleep } from './lib/rng.ts';
import { History, type Door } from './history.ts';
import { waitRecovered } from './recovery.ts';
import { ensureBuilt, SYSTEM_PACKAGES } from '@lockers/launcher/ensure-built';
import { RESULTS_DIR, startSystem, type System } from './system/system.ts';
import { Kiosk } from './world/kiosk.ts';
import { SimWatch } from './world/sim-watch.ts';
import { Traveller, type TravellerPace } from './world/traveller.ts';

export interface RunOptions {
  seed: number;
  seconds: number;
  travellers: number;
  faults: readonly FaultKind[];
  gapS: [number, number];
  /** Faults injected even if the run takes longer than `seconds` for them. */
  minFaults: number;
  recoveryCapS: number;
  pace: TravellerPace;
  /** Breaks the system on purpose, to show the checker catches it. */
  sabotage: 'none' | 'forget-deposits';
  log: (line: string) => void;
}

export interface RunResult {
  verdict: Verdict;
  history: History;
}

export async function runChaos(o: RunOptions): Promise<RunResult> {
  ensureBuilt(SYSTEM_PACKAGES);
  const logDir = path.join(RESULTS_DIR, 'logs');
  fs.rmSync(logDir, { recursive: true, force: true });
  const rng = new Rng(o.seed);
  const system = await startSystem(logDir, {}, needsFleet(o.faults));
  const history = new History();
  let watch: SimWatch | null = null;
  try {
    const { stack } = system;
    const admin = new Gql(stack.graphqlUrl, null);
    const login = await admin.must<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      {
        e: stack.seed.adminEmail,
        p: stack.seed.adminPassword,
      },
    );
    admin.setToken(login.login.token);
    const { doors, prices } = await readSite(admin, stack.seed.siteId);
    watch = new SimWatch(stack.simControlUrl, history, doors);
    const w = watch;
    const recoveredAt = (): Promise<number | null> =>
      waitRecovered(admin, stack.seed.siteId, doors, w, o.recoveryCapS * 1000);
    if ((await recoveredAt()) === null)
      throw new Error('the system did not come up consistent (doors, gateway online) before the run');
    o.log(
      `system up: server ${stack.serverUrl}${stack.replicas.length > 1 ? ` (HAProxy in front of ${stack.replicas.length} instances)` : ''}, simulator ${stack.simControlUrl}, database ${system.databaseName}; logs in ${logDir}`,
    );

    let stopping = false;
    const world = {
      kiosk: new Kiosk(stack.graphqlUrl, stack.seed.kioskToken, stack.seed.siteId),
      watch: w,
      history,
      doors: new Map(doors.map((d) => [d.compartmentId, d])),
      prices,
      pace: o.pace,
      stopping: () => stopping,
    };
    const endAt = Date.now() + o.seconds * 1000;
    const travellers = Array.from({ length: o.travellers }, (_, i) =>
      new Traveller(i + 1, world, rng.fork()).run(),
    );
    const faultRng = rng.fork();
    const sabotage =
      o.sabotage === 'forget-deposits'
        ? forgetDeposits(system, endAt, o.log).catch((e: Error) => o.log(`sabotage stopped: ${e.message}`))
        : Promise.resolve();
    await injectFaults(system, history, faultRng, {
      kinds: o.faults,
      gapS: o.gapS,
      endAt,
      minFaults: o.minFaults,
      waitRecovered: recoveredAt,
      log: o.log,
    });
    while (Date.now() < endAt) await sleep(200);
    stopping = true;
    await sabotage;
    o.log('faults over; travellers finish what they started');
    await Promise.race([Promise.all(travellers), sleep(o.pace.patienceMs + 30_000)]);
    await healAll(system);
    const settled = await recoveredAt();
    o.log(settled === null ? 'the system did not settle within the cap' : 'settled');
    await sleep(3000);
    const until = Date.now();
    const picture = await collect(admin, stack.seed.siteId, history.sessions.keys(), stack.simControlUrl);
    const verdict = check({
      history,
      picture,
      doors,
      changes: system.timeline.changes,
      from: system.timeline.startedAt,
      until,
    });
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(
      path.join(RESULTS_DIR, 'latest.json'),
      JSON.stringify(
        {
          options: { ...o, log: undefined },
          verdict,
          history: { ...history, sessions: [...history.sessions] },
          timeline: system.timeline,
          picture: { ...picture, sessions: [...picture.sessions.values()] },
        },
        null,
        1,
      ),
    );
    return { verdict, history };
  } finally {
    watch?.stop();
    await system.stop();
  }
}

async function readSite(admin: Gql, siteId: string): Promise<{ doors: Door[]; prices: Map<string, number> }> {
  const r = await admin.must<{
    site: {
      compartments: Array<{
        id: string;
        label: string;
        size: string;
        modbus: { unitId: number; coil: number; doorInput: number } | null;
      }>;
      tariffs: Array<{ size: string; price: { amount: number } }>;
    };
  }>(
    'query($id: ID!) { site(id: $id) { compartments { id label size modbus { unitId coil doorInput } } tariffs { size price { amount } } } }',
    { id: siteId },
  );
  const doors = r.site.compartments.map((c) => {
    if (!c.modbus) throw new Error(`compartment ${c.label} has no Modbus address`);
    return {
      compartmentId: c.id,
      label: c.label,
      size: c.size,
      unitId: c.modbus.unitId,
      input: c.modbus.doorInput,
      coil: c.modbus.coil,
    };
  });
  return { doors, prices: new Map(r.site.tariffs.map((t) => [t.size, t.price.amount])) };
}

/** Everything back: processes running, links healed. */
async function healAll(system: System): Promise<void> {
  system.setDbMode('pass');
  await system.simFaults({ silent: false, refuseConnections: false });
  if (!system.gatewayRunning()) system.startGateway();
}

/**
 * The deliberately broken system: every few seconds one STORED session is put back to
 * CREATED and its compartment freed behind the server's back, as a server that forgets
 * deposits would. The checker must count each of them lost.
 */
async function forgetDeposits(system: System, endAt: number, log: (line: string) => void): Promise<void> {
  const db = new pg.Client({ connectionString: system.directDatabaseUrl });
  await db.connect();
  try {
    while (Date.now() < endAt - 5000) {
      await sleep(8000);
      const r = await db.query<{ id: string; compartment_id: string }>(
        `with s as (select id, compartment_id from storage_session where status = 'STORED' order by random() limit 1 for update)
         update storage_session set status = 'CREATED', compartment_id = null from s where storage_session.id = s.id
         returning s.id, s.compartment_id`,
      );
      for (const row of r.rows) {
        await db.query(`update compartment set status = 'AVAILABLE' where id = $1`, [row.compartment_id]);
        log(`sabotage: session ${row.id} forgotten`);
      }
    }
  } finally {
    await db.end();
  }
}
