/**
 * A relay board on a Modbus server we did not write: modbus-serial's ServerTCP, or its
 * ServerSerial on one end of a socat pty pair. Only the board's "firmware" (what a coil,
 * an input or a register means) is ours, backed by a SimUnit so tests can open doors and
 * read pulse lengths; framing, unit-id filtering and exception answers are modbus-serial's.
 * Like the generic industrial modules: 8 coils, 8 discrete inputs, and nothing else unless
 * asked (functions without a handler get no answer at all, as modbus-serial does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ModbusModule from 'modbus-serial';
import { SimSite } from '../../src/simulator/sim-site.js';
import { waitFor } from './fixtures.js';

/** The board's wiring and firmware. */
export interface ThirdPartyOptions {
  /** The unit id the server answers to (others are ignored). */
  unitId: number;
  /** A flash block answering FC3/FC6 at this address, in `flashUnitMs` units; absent: none. */
  flashAddress?: number;
  flashUnitMs?: number;
  /** Doors also as FC4 input registers. */
  inputRegisters?: boolean;
  ncInputs?: boolean;
  /** Holding registers 0..1023 that mean something else (a config block): read and write, no pulse. */
  otherHoldingRegisters?: boolean;
}

/** Faults switched at run time. */
export interface ThirdPartyFaults {
  delayMs: number;
  /** Function codes answered with exception 2. */
  refuse: number[];
  /** Requests that reached the firmware, by function code. */
  calls: Map<number, number>;
}

/** A running third-party board. */
export interface ThirdPartyBoard {
  endpoint: string;
  site: SimSite;
  faults: ThirdPartyFaults;
  close(): Promise<void>;
}

type Vector = Record<string, (...args: never[]) => unknown>;

const { ServerTCP, ServerSerial } = ModbusModule as unknown as {
  ServerTCP: new (vector: Vector, options: Record<string, unknown>) => ServerHandle;
  ServerSerial: new (vector: Vector, options: Record<string, unknown>) => ServerHandle;
};

interface ServerHandle {
  on(event: string, listener: (...args: unknown[]) => void): void;
  close(cb: () => void): void;
}

function vectorFor(site: SimSite, o: ThirdPartyOptions, faults: ThirdPartyFaults): Vector {
  const unit = site.requireUnit(o.unitId);
  const act = async <T>(fc: number, addr: number, limit: number, fn: () => T): Promise<T> => {
    faults.calls.set(fc, (faults.calls.get(fc) ?? 0) + 1);
    if (faults.delayMs > 0) await new Promise((r) => setTimeout(r, faults.delayMs));
    if (faults.refuse.includes(fc) || addr < 0 || addr >= limit)
      throw Object.assign(new Error('Illegal data address'), { modbusErrorCode: 2 });
    return fn();
  };
  const vector: Vector = {
    getCoil: (addr: number) => act(1, addr, unit.coils.length, () => unit.coils[addr] ?? false),
    getDiscreteInput: (addr: number) => act(2, addr, unit.doors.length, () => unit.rawInput(addr)),
    setCoil: (addr: number, value: boolean) =>
      act(5, addr, unit.coils.length, () => unit.setCoil(addr, value)),
  };
  if (o.inputRegisters)
    vector.getInputRegister = (addr: number) =>
      act(4, addr, unit.doors.length, () => (unit.rawInput(addr) ? 1 : 0));
  if (o.otherHoldingRegisters) {
    const registers = new Array<number>(1024).fill(7);
    vector.getHoldingRegister = (addr: number) => act(3, addr, registers.length, () => registers[addr]!);
    vector.setRegister = (addr: number, value: number) =>
      act(6, addr, registers.length, () => void (registers[addr] = value));
  }
  if (o.flashAddress !== undefined) {
    const base = o.flashAddress;
    vector.getHoldingRegister = (addr: number) =>
      act(3, addr - base, unit.coils.length, () => unit.readRegister(addr) ?? 0);
    vector.setRegister = (addr: number, value: number) =>
      act(6, addr - base, unit.coils.length, () => void unit.writeRegister(addr, value));
  }
  return vector;
}

function siteFor(o: ThirdPartyOptions): SimSite {
  return new SimSite([
    {
      unitId: o.unitId,
      coils: 8,
      inputs: 8,
      pulseRegisterBase: o.flashAddress ?? null,
      pulseUnitMs: o.flashUnitMs ?? 1,
      ncInputs: o.ncInputs ?? false,
      // the lock opens 50 ms after its coil goes on
      openDelayMs: 50,
      autoCloseMs: null,
    },
  ]);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** The board on modbus-serial's ServerTCP. */
export async function thirdPartyTcp(o: ThirdPartyOptions): Promise<ThirdPartyBoard> {
  const site = siteFor(o);
  const faults: ThirdPartyFaults = { delayMs: 0, refuse: [], calls: new Map() };
  const port = await freePort();
  const server = new ServerTCP(vectorFor(site, o, faults), { host: '127.0.0.1', port, unitID: o.unitId });
  server.on('socketError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.on('initialized', () => resolve());
    server.on('serverError', (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))));
  });
  return {
    endpoint: `tcp://127.0.0.1:${port}`,
    site,
    faults,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      site.dispose();
    },
  };
}

/** The board on modbus-serial's ServerSerial over a socat pty pair. */
export async function thirdPartyRtu(o: ThirdPartyOptions): Promise<ThirdPartyBoard> {
  const site = siteFor(o);
  const faults: ThirdPartyFaults = { delayMs: 0, refuse: [], calls: new Map() };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtu3p-'));
  const boardEnd = path.join(dir, 'board');
  const gwEnd = path.join(dir, 'gw');
  const socat: ChildProcess = spawn(
    'socat',
    [`pty,raw,echo=0,link=${boardEnd}`, `pty,raw,echo=0,link=${gwEnd}`],
    { stdio: 'ignore' },
  );
  await waitFor(() => fs.existsSync(boardEnd) && fs.existsSync(gwEnd), 'socat pty pair', 3000);
  const server = new ServerSerial(vectorFor(site, o, faults), {
    path: boardEnd,
    baudRate: 115200,
    unitID: o.unitId,
  });
  server.on('error', () => undefined);
  server.on('socketError', () => undefined);
  await new Promise<void>((resolve) => server.on('initialized', () => resolve()));
  return {
    endpoint: `rtu://${gwEnd}?baud=115200`,
    site,
    faults,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      const exited = new Promise((r) => socat.once('exit', r));
      socat.kill('SIGTERM');
      await exited;
      site.dispose();
    },
  };
}
