/** Every benchmark, in the order a full run takes them. */
import type { Benchmark } from '../lib/bench.ts';
import { scanFloor } from './scan-floor.ts';
import { scanToCoil } from './scan-to-coil.ts';
import { allocationRace } from './allocation-race.ts';
import { fanOut } from './fan-out.ts';
import { doorBurst } from './door-burst.ts';
import { fleetFanOut } from './fleet-fan-out.ts';
import { board } from './board.ts';
import { idleConnections } from './idle-connections.ts';
import { usageReport } from './usage-report.ts';
import { plainRead } from './plain-read.ts';

export const BENCHMARKS: readonly Benchmark[] = [
  scanFloor,
  scanToCoil,
  allocationRace,
  fanOut,
  doorBurst,
  fleetFanOut,
  board,
  idleConnections,
  usageReport,
  plainRead,
];
