/**
 * `--check`: fetch the config, read every configured door input once (one block per unit),
 * print a table, exit non-zero if any controller could not be read. For installers.
 */
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/gateway-config.js';
import { doorBlocks } from '../doors/door-blocks.js';
import { BoardPool } from '../gateway/board-pool.js';
import { GraphQLServerApi } from '../link/graphql-server-api.js';

/** Runs the check; returns the process exit code. */
export async function runCheck(config: GatewayConfig, log: Logger, out: (line: string) => void): Promise<number> {
  const setup = await new GraphQLServerApi(config.graphqlUrl, config.token).fetchConfig();
  const pool = new BoardPool(config, log, undefined, false);
  pool.setLayout(setup.compartments);
  const rows: string[][] = [['label', 'endpoint', 'unit', 'coil', 'input', 'door']];
  let failures = 0;
  const coilOf = new Map(setup.compartments.map((c) => [c.compartmentId, c.modbus.coil]));
  for (const [endpoint, blocks] of doorBlocks(setup.compartments)) {
    const board = pool.get(endpoint);
    const up = await board.waitConnected(Date.now() + config.modbusConnectTimeoutMs + 500);
    for (const block of blocks) {
      let bits: boolean[] | null = null;
      let error = '';
      if (up) {
        try {
          bits = await board.readDiscreteInputs(block.unitId, block.start, block.count);
        } catch (e) {
          error = (e as Error).message;
        }
      } else error = 'unreachable';
      if (!bits) failures++;
      for (const door of block.doors) {
        const bit = bits?.[door.input - block.start];
        const state = bits ? (bit ? 'OPEN' : 'CLOSED') : `ERROR ${error}`;
        rows.push([door.label, endpoint, String(block.unitId), String(coilOf.get(door.compartmentId)), String(door.input), state]);
      }
    }
  }
  await pool.close();
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const row of rows) out(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
  out(failures === 0 ? `ok: ${rows.length - 1} doors read` : `${failures} block(s) could not be read`);
  return failures === 0 ? 0 : 1;
}
