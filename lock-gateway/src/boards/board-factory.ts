/** Picks the RelayBoard adapter for an endpoint string. */
import type { Logger } from 'pino';
import { parseEndpoint } from '../modbus/endpoint.js';
import type { ConnectionTiming } from '../modbus/modbus-connection.js';
import { SimSite } from '../simulator/sim-site.js';
import { ModbusBoard } from './modbus-board.js';
import type { RelayBoard } from './relay-board.js';
import { SimulatedBoard } from './simulated-board.js';

/** Where `sim://` endpoints find their in-memory boards (one SimSite per name). */
export type SimRegistry = Map<string, SimSite>;

/** A new, not yet started board for `endpoint`. */
export function createBoard(
  endpoint: string,
  timing: ConnectionTiming,
  log: Logger,
  sims?: SimRegistry,
): RelayBoard {
  const parsed = parseEndpoint(endpoint);
  if (parsed.kind !== 'sim') return new ModbusBoard(parsed, timing, log);
  let site = sims?.get(parsed.name);
  if (!site) {
    // A dry run without hardware: a demo-sized board nobody else controls.
    site = new SimSite(
      [1, 2].map((unitId) => ({
        unitId,
        coils: 32,
        inputs: 32,
        pulseRegisterBase: 512,
        openDelayMs: 30,
        autoCloseMs: 3000,
      })),
    );
    sims?.set(parsed.name, site);
  }
  return new SimulatedBoard(parsed.key, site);
}
