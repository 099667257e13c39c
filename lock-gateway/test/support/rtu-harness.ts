/**
 * Modbus RTU for the contract suite without hardware: socat makes a pty pair, the
 * simulator serves RTU on one end and the board under test opens the other as its serial
 * port. Skipped (with the reason) where socat or the serialport binding is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ModbusBoard } from '../../src/boards/modbus-board.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { ConnectionTiming } from '../../src/modbus/modbus-connection.js';
import { startModbusRtuServer, type ModbusRtuServer } from '../../src/simulator/modbus-rtu-server.js';
import { SimSite, uniformUnits } from '../../src/simulator/sim-site.js';
import type { SimUnitOptions } from '../../src/simulator/sim-unit.js';
import type { BoardHarness } from '../relay-board.contract.js';
import { waitFor } from './fixtures.js';

/** Why RTU cannot run here, or null when it can. */
export function rtuSkipReason(): string | null {
  if (spawnSync('socat', ['-V']).status !== 0) return 'socat not installed (apt-get install socat)';
  try {
    // modbus-serial's optional dependency, resolved from where modbus-serial lives.
    const fromModbus = createRequire(createRequire(import.meta.url).resolve('modbus-serial'));
    fromModbus('serialport');
  } catch {
    return 'serialport binding not installed';
  }
  return null;
}

/** A board on one end of a fresh pty pair, the simulator on the other. */
export async function rtuHarness(
  timing: ConnectionTiming,
  shape: Omit<SimUnitOptions, 'unitId'>,
): Promise<BoardHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtu-'));
  const simEnd = path.join(dir, 'sim');
  const gwEnd = path.join(dir, 'gw');
  const site = new SimSite(uniformUnits([1, 2], shape));
  let socat: ChildProcess;
  let server: ModbusRtuServer;
  const wire = async (): Promise<void> => {
    socat = spawn('socat', [`pty,raw,echo=0,link=${simEnd}`, `pty,raw,echo=0,link=${gwEnd}`], {
      stdio: 'ignore',
    });
    await waitFor(() => fs.existsSync(simEnd) && fs.existsSync(gwEnd), 'socat pty pair', 3000);
    server = startModbusRtuServer(site, simEnd);
  };
  const unwire = async (): Promise<void> => {
    server.close();
    const exited = new Promise((r) => socat.once('exit', r));
    socat.kill('SIGTERM');
    await exited;
  };
  await wire();
  const board = new ModbusBoard(
    {
      kind: 'rtu',
      key: `rtu://${gwEnd}`,
      path: gwEnd,
      baudRate: 115200,
      parity: 'none',
      dataBits: 8,
      stopBits: 1,
    },
    timing,
    silentLogger(),
  );
  return {
    board,
    site,
    // A serial link breaks like an unplugged USB adapter: the device goes away, then comes back.
    breakLink: () => {
      void (async () => {
        await unwire();
        // a dead port rarely says so: the gateway finds out from requests nobody answers
        for (let i = 0; i < 3; i++) await board.readCoils(1, 0, 1).catch(() => undefined);
        await wire();
      })();
    },
    dispose: async () => {
      await unwire();
      site.dispose();
    },
  };
}
