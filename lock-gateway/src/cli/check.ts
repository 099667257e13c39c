/**
 * `--check`: the installer's commissioning tool. Fetches the config, then per controller
 * and unit: reads every door input (raw level and what the bank's board profile makes of
 * it), probes which functions the unit answers, suggests profile changes, and with
 * `--pulse <label>` pulses that compartment's lock and watches its door. Exits non-zero on
 * anything implausible: a unit that does not answer, reads refused, every door open, a
 * pulse that failed or a door that did not open. Read-only otherwise: it never resets relays.
 */
import type { Logger } from 'pino';
import type { SimRegistry } from '../boards/board-factory.js';
import { describeAnswer, probeUnit, suggestProfile } from '../boards/board-probe.js';
import { readDoorInputs } from '../boards/door-inputs.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { doorBlocks, type DoorBlock } from '../doors/door-blocks.js';
import { BoardPool } from '../gateway/board-pool.js';
import type { GatewayCompartment, ServerApi } from '../link/api.types.js';
import { GraphQLServerApi } from '../link/graphql-server-api.js';
import { pulseLock, sleep } from '../locks/lock-pulser.js';

/** Replacements for tests. */
export interface CheckDeps {
  api?: Pick<ServerApi, 'fetchConfig'>;
  sims?: SimRegistry;
}

/** Runs the check; returns the process exit code. */
export async function runCheck(
  config: GatewayConfig,
  log: Logger,
  out: (line: string) => void,
  deps: CheckDeps = {},
): Promise<number> {
  const setup = await (deps.api ?? new GraphQLServerApi(config.graphqlUrl, config.token)).fetchConfig();
  const pool = new BoardPool(config, log, deps.sims, false);
  pool.setLayout(setup.compartments, setup.banks);
  const problems: string[] = [];
  const rows: string[][] = [['label', 'endpoint', 'unit', 'coil', 'input', 'raw', 'door']];
  const notes: string[] = [];
  const settleMs = config.modbusConnectTimeoutMs + config.modbusBackoffMaxMs;
  try {
    for (const [endpoint, blocks] of doorBlocks(setup.compartments)) {
      const board = pool.get(endpoint);
      if (!(await board.waitConnected(Date.now() + settleMs))) {
        problems.push(`controller ${endpoint} unreachable: ${board.link.error ?? 'no connection'}`);
        for (const block of blocks) addRows(rows, block, setup.compartments, null, 'UNREACHABLE');
        continue;
      }
      for (const block of blocks) {
        const profile = pool.profile(endpoint, block.unitId);
        let raw: boolean[] | null = null;
        try {
          const read = await readDoorInputs(board, profile, block.unitId, block.start, block.count);
          raw = read.raw;
          addRows(rows, block, setup.compartments, read, '');
          const doors = block.doors.map((d) => read.open[d.input - block.start]);
          if (doors.length > 1 && doors.every(Boolean))
            problems.push(
              `unit ${block.unitId} at ${endpoint}: every door reads OPEN (doors shut? then the polarity is wrong)`,
            );
        } catch (error) {
          problems.push(`unit ${block.unitId} at ${endpoint}: door read failed: ${(error as Error).message}`);
          addRows(rows, block, setup.compartments, null, 'ERROR');
        }
        const maxCoil = Math.max(
          ...setup.compartments
            .filter((c) => c.modbus.endpoint === endpoint && c.modbus.unitId === block.unitId)
            .map((c) => c.modbus.coil),
        );
        const probe = await probeUnit(board, profile, block.unitId, block, maxCoil, settleMs);
        notes.push(
          `unit ${block.unitId} at ${endpoint} (profile ${profile.name}): coils ${describeAnswer(probe.coils)}, discrete inputs ${describeAnswer(probe.discreteInputs)}, ` +
            `input registers ${describeAnswer(probe.inputRegisters)}, holding register ${probe.pulseAddress} ${describeAnswer(probe.pulseRegisters)}`,
        );
        if (
          probe.coils.kind !== 'answers' &&
          probe.discreteInputs.kind !== 'answers' &&
          probe.inputRegisters.kind !== 'answers'
        ) {
          problems.push(
            `unit ${block.unitId} at ${endpoint} does not answer (wrong unit id, wiring or baud rate?)`,
          );
        }
        const inputs = Array.from({ length: block.count }, (_, i) => block.start + i);
        for (const s of suggestProfile(profile, probe, raw, inputs)) {
          notes.push(
            `  suggest: ${s.why}${Object.keys(s.change).length ? ` -> board ${JSON.stringify(s.change)}` : ''}`,
          );
        }
      }
    }
    if (config.checkPulse) await pulseOne(config.checkPulse, setup.compartments, pool, problems, notes);
  } finally {
    await pool.close();
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const row of rows)
    out(
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  for (const note of notes) out(note);
  for (const p of problems) out(`PROBLEM: ${p}`);
  out(problems.length === 0 ? `ok: ${rows.length - 1} doors read` : `${problems.length} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}

function addRows(
  rows: string[][],
  block: DoorBlock,
  all: GatewayCompartment[],
  read: { raw: boolean[]; open: boolean[] } | null,
  error: string,
): void {
  const coilOf = new Map(all.map((c) => [c.compartmentId, c.modbus.coil]));
  for (const door of block.doors) {
    const i = door.input - block.start;
    const raw = read ? (read.raw[i] ? '1' : '0') : '-';
    const state = read ? (read.open[i] ? 'OPEN' : 'CLOSED') : error;
    rows.push([
      door.label,
      block.endpoint,
      String(block.unitId),
      String(coilOf.get(door.compartmentId)),
      String(door.input),
      raw,
      state,
    ]);
  }
}

/** `--pulse <label>`: one pulse, then the door watched for 3 s. */
async function pulseOne(
  label: string,
  compartments: GatewayCompartment[],
  pool: BoardPool,
  problems: string[],
  notes: string[],
): Promise<void> {
  const c = compartments.find((x) => x.label === label);
  if (!c) {
    problems.push(`--pulse ${label}: no such compartment`);
    return;
  }
  const { endpoint, unitId, coil, doorInput } = c.modbus;
  const board = pool.get(endpoint);
  const profile = pool.profile(endpoint, unitId);
  const started = Date.now();
  const outcome = await pulseLock(board, unitId, coil, Math.min(500, profile.maxOnMs), profile);
  notes.push(
    `pulse ${label} (unit ${unitId} coil ${coil}): ${outcome.kind}${outcome.kind === 'succeeded' ? '' : `: ${outcome.reason}`}`,
  );
  if (outcome.kind !== 'succeeded') problems.push(`pulse ${label} ${outcome.kind}`);
  while (Date.now() - started < 3000) {
    const read = await readDoorInputs(board, profile, unitId, doorInput, 1).catch(() => null);
    if (read?.open[0]) {
      notes.push(`door ${label} opened ${Date.now() - started} ms after the pulse started`);
      return;
    }
    await sleep(50);
  }
  problems.push(`door ${label} did not open within 3 s of its pulse (lock, wiring, coil or input number?)`);
}
