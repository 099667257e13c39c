/** Shared test fixtures: config, a recording ServerApi, commands, waiting. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { GENERIC_COIL_BOARD, type BoardProfile } from '../../src/boards/board-profile.js';
import type { GatewayConfig } from '../../src/config/gateway-config.js';
import type {
  CommandResult,
  DoorReport,
  GatewayCommand,
  GatewaySetup,
  ServerApi,
} from '../../src/link/api.types.js';
import { TransportError } from '../../src/link/graphql-http.js';

/** A fresh state dir under the OS temp dir. */
export function tempStateDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gw-state-'));
}

/** A valid config for in-process gateways; fast timings for tests. */
export function testConfig(overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  return {
    graphqlUrl: 'http://127.0.0.1:9/graphql',
    wsUrl: 'ws://127.0.0.1:9/graphql',
    servers: [], // none: graphqlUrl and wsUrl (tests override those)
    linkConnectTimeoutMs: 3000,
    token: 'test-token',
    stateDir: tempStateDir(),
    pollIntervalMs: 50,
    minPulseIntervalMs: 0,
    expiryMarginMs: 100,
    modbusTimeoutMs: 300,
    modbusConnectTimeoutMs: 1000,
    modbusBackoffMinMs: 30,
    modbusBackoffMaxMs: 200,
    linkBackoffMinMs: 50,
    linkBackoffMaxMs: 500,
    linkKeepAliveMs: 10_000,
    sitePort: null,
    siteHost: '127.0.0.1',
    siteCorsOrigins: ['*'],
    unknownAfterMs: 1000,
    heartbeatMs: 2000,
    logLevel: 'silent',
    check: false,
    checkPulse: null,
    ...overrides,
  };
}

/** A ServerApi that records what the gateway sends; `offline` makes every call fail as unreachable. */
export class RecordingApi implements ServerApi {
  acks: Array<{ commandId: string; result: CommandResult; error: string | null }> = [];
  reports: DoorReport[][] = [];
  offline = false;
  setup: GatewaySetup = { gateway: { id: 'g1', name: 'test' }, pulseMs: 300, compartments: [] };

  fetchConfig(): Promise<GatewaySetup> {
    return this.answer(() => this.setup);
  }

  ackCommand(commandId: string, result: CommandResult, error: string | null): Promise<void> {
    return this.answer(() => void this.acks.push({ commandId, result, error }));
  }

  reportDoorStates(reports: DoorReport[]): Promise<void> {
    return this.answer(() => void this.reports.push(reports));
  }

  /** What the server would answer: the call's result, or the refusal `guard` throws, as a promise. */
  private answer<T>(work: () => T): Promise<T> {
    try {
      this.guard();
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private guard(): void {
    if (this.offline) throw new TransportError('server unreachable (test)');
  }
}

let seq = 0;

/** An UNLOCK command for `coil` on `unitId` at `endpoint`. */
export function unlockCommand(
  endpoint: string,
  unitId: number,
  coil: number,
  overrides: Partial<GatewayCommand> = {},
): GatewayCommand {
  const now = Date.now();
  return {
    id: `cmd-${process.pid}-${++seq}-${now}`,
    type: 'UNLOCK',
    compartmentId: `comp-${unitId}-${coil}`,
    modbus: { endpoint, unitId, coil, doorInput: coil },
    pulseMs: 300,
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 10_000).toISOString(),
    ...overrides,
  };
}

/** Polls `predicate` until it is true or `timeoutMs` passes (then throws with `what`). */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The simulator's own flash block: FC6 to 512 + relay, in ms (the board times the pulse). */
export const SIM_FLASH_MS: BoardProfile = {
  ...GENERIC_COIL_BOARD,
  name: 'flash-register-ms',
  pulse: { kind: 'timed', function: 6, address: 512, unitMs: 1, valueBase: 0, maxUnits: 0xffff },
};

/** The profiles the suites run with, by the pulse mode they exercise. */
export const PROFILES_BY_MODE = { coil: GENERIC_COIL_BOARD, register: SIM_FLASH_MS } as const;

/**
 * How late this process's event loop ran while measuring (ms, the worst stall). Pulse
 * lengths are held to their tolerance plus this: on a loaded machine a timer can fire late
 * whatever the gateway does, and that is not what the timing tests are about.
 */
export function eventLoopLag(): { maxMs(): number; stop(): void } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return {
    maxMs: () => histogram.max / 1e6,
    stop: () => histogram.disable(),
  };
}
