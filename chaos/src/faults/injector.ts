/** Injects the planned faults one after the other until the run's time is up. */
import { sleep, type Rng } from '../lib/rng.ts';
import type { FaultRecord, History } from '../history.ts';
import type { System } from '../system/system.ts';
import { FaultDeck, nextFault, type FaultKind } from './plan.ts';

export interface InjectorOptions {
  kinds: readonly FaultKind[];
  gapS: [number, number];
  endAt: number;
  /** Faults to inject even when that runs past `endAt` (a slow machine still sees this many). */
  minFaults: number;
  /** Resolves with the time the system served again, or null within the cap. */
  waitRecovered: () => Promise<number | null>;
  log: (line: string) => void;
}

/** Runs until `endAt` and at least `minFaults` faults; every fault is healed before it returns. */
export async function injectFaults(
  system: System,
  history: History,
  rng: Rng,
  o: InjectorOptions,
): Promise<void> {
  if (o.kinds.length === 0) return;
  const deck = new FaultDeck(rng, o.kinds);
  for (;;) {
    const planned = nextFault(rng, deck, o.gapS);
    await sleep(planned.gapMs);
    await aim(history, rng);
    if (Date.now() + planned.durationMs > o.endAt && history.faults.length >= o.minFaults) return;
    const record: FaultRecord = {
      kind: planned.kind,
      startedAt: Date.now(),
      healedAt: null,
      recoveredAt: null,
      detail: '',
    };
    history.faults.push(record);
    record.detail = await inject(system, planned.kind);
    await sleep(planned.durationMs);
    record.healedAt = Date.now();
    await heal(system, planned.kind);
    if (planned.durationMs) record.detail += ` for ${(planned.durationMs / 1000).toFixed(1)} s`;
    record.recoveredAt = await o.waitRecovered();
    const rec =
      record.recoveredAt === null
        ? 'not recovered'
        : `recovered in ${((record.recoveredAt - record.healedAt) / 1000).toFixed(1)} s`;
    o.log(`fault ${history.faults.length}: ${planned.kind} ${record.detail}; ${rec}`);
  }
}

/**
 * Waits for a traveller to be answered an unlock (at most a few seconds), then up to two
 * seconds more: the fault then lands somewhere in that door cycle (command on its way,
 * pulse, door open, door closing), where a lost reading costs a bag.
 */
async function aim(history: History, rng: Rng): Promise<void> {
  const seen = history.unlockAnsweredAt.length;
  const until = Date.now() + 8000;
  while (history.unlockAnsweredAt.length === seen && Date.now() < until) await sleep(20);
  await sleep(rng.between(0, 2000));
}

async function inject(system: System, kind: FaultKind): Promise<string> {
  switch (kind) {
    case 'server-kill':
      await system.killServer();
      return 'server killed (SIGKILL)';
    case 'instance-kill':
      return `server instance ${(await system.killInstance()) + 1} of 2 killed (SIGKILL)`;
    case 'gateway-kill':
      await system.killGateway();
      return 'gateway killed (SIGKILL)';
    case 'db-terminate':
      return `${await system.terminateDbConnections()} database connections terminated`;
    case 'db-blackhole':
      system.setDbMode('blackhole');
      return 'database link blackholed';
    case 'db-refuse':
      system.setDbMode('refuse');
      return 'database refusing connections';
    case 'modbus-silent':
      await system.simFaults({ silent: true });
      return 'relay boards silent';
    case 'modbus-refuse':
      await system.simFaults({ refuseConnections: true });
      await system.simDrop();
      return 'relay boards dropped and refusing connections';
    case 'modbus-drop':
      await system.simDrop();
      return 'Modbus connections dropped';
  }
}

/** Removes the fault (restarts what was killed). */
export async function heal(system: System, kind: FaultKind): Promise<void> {
  switch (kind) {
    case 'server-kill':
      await system.startServer();
      return;
    case 'instance-kill':
      await system.startInstances();
      return;
    case 'gateway-kill':
      system.startGateway();
      return;
    case 'db-blackhole':
    case 'db-refuse':
      system.setDbMode('pass');
      return;
    case 'modbus-silent':
    case 'modbus-refuse':
      await system.simFaults({ silent: false, refuseConnections: false });
      return;
    case 'db-terminate':
    case 'modbus-drop':
      return;
  }
}
