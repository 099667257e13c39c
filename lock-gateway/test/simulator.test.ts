/**
 * The simulator as tests and demos drive it: its control API (door actions, jams, pulse log,
 * faults) and its Modbus behaviour under faults, seen from a real Modbus TCP client.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ModbusBoard } from '../src/boards/modbus-board.js';
import { silentLogger } from '../src/logging/logger.js';
import { parseEndpoint } from '../src/modbus/endpoint.js';
import { DeviceError, LinkError } from '../src/modbus/modbus-errors.js';
import { SimControlClient } from '../src/simulator/control-client.js';
import { startSimulator, type Simulator } from '../src/simulator/simulator.js';
import { waitFor } from './support/fixtures.js';

let sim: Simulator;
let control: SimControlClient;
let board: ModbusBoard;

beforeEach(async () => {
  sim = await startSimulator({ modbusPort: 0, httpPort: 0, openDelayMs: 0, autoCloseMs: 300 });
  control = new SimControlClient(sim.control!.url);
  const endpoint = parseEndpoint(sim.endpoint);
  if (endpoint.kind !== 'tcp') throw new Error('tcp expected');
  board = new ModbusBoard(
    endpoint,
    { requestTimeoutMs: 200, connectTimeoutMs: 500, backoffMinMs: 30, backoffMaxMs: 100 },
    silentLogger(),
  );
  board.start();
  await board.waitConnected(Date.now() + 2000);
});

afterEach(async () => {
  await board.close();
  await sim.stop();
});

it('a pulse springs the door open and auto-close shuts it; a jammed lock stays shut', async () => {
  await board.writeRegister(1, 512 + 3, 100);
  expect((await control.doors()).find((d) => d.unitId === 1 && d.input === 3)?.open).toBe(true);
  await waitFor(() => sim.site.requireUnit(1).doors[3] === false, 'auto-close', 2000);

  await control.door(1, 4, 'jam');
  await board.writeRegister(1, 512 + 4, 100);
  await new Promise((r) => setTimeout(r, 150));
  const door = (await control.doors()).find((d) => d.unitId === 1 && d.input === 4)!;
  expect(door).toMatchObject({ open: false, jammed: true, coilOn: false });
  // the relay still switched: the pulse is in the log with its duration
  const pulses = await control.pulses();
  expect(pulses.map((p) => [p.unitId, p.coil, p.via])).toEqual([
    [1, 3, 'register'],
    [1, 4, 'register'],
  ]);
  expect(pulses[1]!.durationMs).toBeGreaterThan(80);
});

it('force and close move a door as the Modbus client reads it', async () => {
  await control.door(2, 7, 'force');
  expect((await board.readDiscreteInputs(2, 0, 12))[7]).toBe(true);
  await control.door(2, 7, 'close');
  expect((await board.readDiscreteInputs(2, 0, 12))[7]).toBe(false);
  await expect(control.door(9, 0, 'open')).rejects.toThrow(/no unit 9/);
});

it('answers slower than the timeout break the link (reconnect); busy answers do not', async () => {
  await control.faults({ busy: true });
  await expect(board.readCoils(1, 0, 1)).rejects.toBeInstanceOf(DeviceError);
  expect(board.state.kind).toBe('connected');

  await control.faults({ busy: false, delayMs: 400 });
  const epoch = board.epoch;
  await expect(board.readCoils(1, 0, 1)).rejects.toBeInstanceOf(LinkError);
  expect(board.state.kind).not.toBe('connected');
  await control.faults({ delayMs: 0 });
  expect(await board.waitConnected(Date.now() + 2000)).toBe(true);
  expect(board.epoch).toBe(epoch + 1);
  expect(await board.readCoils(1, 0, 1)).toEqual([false]);
});

it('drop closes connections and refuseConnections keeps the controller away until lifted', async () => {
  await control.faults({ refuseConnections: true });
  await control.drop();
  await waitFor(() => board.state.kind !== 'connected', 'link down');
  // A refusing controller accepts the TCP handshake and hangs up at once, as a full
  // connection table does: the client may count as connected for an instant, but no
  // connection is held and no request gets through.
  const openConnections = async () =>
    ((await fetch(`${sim.control!.url}/state`).then((r) => r.json())) as { connections: number }).connections;
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 40));
    expect(await openConnections()).toBe(0);
    await expect(board.readCoils(1, 0, 1)).rejects.toThrow();
  }
  await control.faults({ refuseConnections: false });
  expect(await board.waitConnected(Date.now() + 2000)).toBe(true);
  expect(await openConnections()).toBe(1);
});

it('logs every door change with its cause, and each opening with the reads that saw it', async () => {
  await board.writeRegister(1, 512 + 2, 50);
  await waitFor(() => sim.site.requireUnit(1).doors[2] === true, 'door 2 open', 2000);
  await board.readDiscreteInputs(1, 0, 12);
  await board.readDiscreteInputs(1, 0, 12);
  await control.door(1, 2, 'close');
  await control.door(2, 5, 'force');
  await control.door(2, 5, 'close');
  const log = await control.doorLog();
  expect(log.map((r) => [r.unitId, r.input, r.open, r.cause])).toEqual([
    [1, 2, true, 'pulse'],
    [1, 2, false, 'manual'],
    [2, 5, true, 'forced'],
    [2, 5, false, 'manual'],
  ]);
  // two answered reads saw door 2 open; nobody read door 5 while it was open
  expect(log[0]).toMatchObject({ readsOpen: 2 });
  expect(log[0]!.firstReadOpenAt).toBeGreaterThanOrEqual(log[0]!.at);
  expect(log[2]).toMatchObject({ readsOpen: 0, firstReadOpenAt: null });
  // a reader keeps its place by sequence number
  expect(await control.doorLog(log[1]!.seq)).toHaveLength(2);
});

it('faults by function: silent on FC3 (a timeout), refused FC2 (exception 2), other functions unaffected', async () => {
  await control.faults({ silentFunctions: [3], refuseFunctions: [2] });
  const refused = await board.readDiscreteInputs(1, 0, 4).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(DeviceError);
  expect((refused as DeviceError).message).toMatch(
    /exception 2 \(illegal data address\) on FC2 read discrete inputs 0\.\.3 on unit 1/,
  );
  expect(await board.readCoils(1, 0, 2)).toEqual([false, false]);
  const silent = await board.readHoldingRegisters(1, 512, 1).catch((e: unknown) => e);
  expect(silent).toBeInstanceOf(LinkError);
  expect((silent as LinkError).message).toMatch(
    /timeout \(no answer within 200 ms\) on FC3 read holding registers 512 on unit 1/,
  );
});

it('reboot: nothing answers for downMs, then relays are off (or kept, if asked)', async () => {
  sim.site.requireUnit(1).setCoil(2, true);
  await control.reboot(300, true);
  await waitFor(() => board.state.kind !== 'connected', 'link down');
  expect(sim.site.requireUnit(1).coils[2]).toBe(true); // kept through the power cycle
  expect(await board.waitConnected(Date.now() + 3000)).toBe(true);
  await control.reboot(100, false);
  expect(sim.site.requireUnit(1).coils[2]).toBe(false);
});

it('plays other boards: no flash block, 100 ms flash units, normally-closed sensors', async () => {
  const { simulatorOptionsFrom } = await import('../src/simulator/sim-config.js');
  expect(simulatorOptionsFrom({ SIM_PROFILE: 'generic-coil', SIM_NC_INPUTS: '1' }, {})).toMatchObject({
    pulseRegisterBase: null,
    ncInputs: true,
  });
  expect(simulatorOptionsFrom({}, { profile: 'flash-100ms' })).toMatchObject({
    pulseRegisterBase: 512,
    pulseUnitMs: 100,
    ncInputs: false,
  });
  expect(() => simulatorOptionsFrom({ SIM_PROFILE: 'mystery' }, {})).toThrow(/SIM_PROFILE must be one of/);
  const other = await startSimulator({
    modbusPort: 0,
    httpPort: null,
    pulseRegisterBase: null,
    ncInputs: true,
  });
  try {
    const unit = other.site.requireUnit(1);
    expect(unit.rawInput(0)).toBe(true); // a shut door reads 1 on an NC sensor
    unit.setDoor(0, true, 'manual');
    expect(unit.rawInput(0)).toBe(false);
    expect(unit.writeRegister(512, 100)).toBe(false); // no flash block
  } finally {
    await other.stop();
  }
});
