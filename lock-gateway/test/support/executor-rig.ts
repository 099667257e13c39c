/**
 * An executor wired to a real Modbus TCP simulator in-process (port 0): boards, journal,
 * ack outbox, and a RecordingApi standing in for the server's ack endpoint.
 */
import { GENERIC_COIL_BOARD, type BoardProfile } from '../../src/boards/board-profile.js';
import { AckOutbox } from '../../src/commands/ack-outbox.js';
import { CommandExecutor } from '../../src/commands/command-executor.js';
import { CommandStore } from '../../src/commands/command-store.js';
import type { GatewayConfig } from '../../src/config/gateway-config.js';
import { BoardPool } from '../../src/gateway/board-pool.js';
import { silentLogger } from '../../src/logging/logger.js';
import { RecordingApi, testConfig } from './fixtures.js';

/** One executor "process": create several on the same state dir to model restarts. */
export interface ExecutorRig {
  executor: CommandExecutor;
  pool: BoardPool;
  api: RecordingApi;
  config: GatewayConfig;
  close(): Promise<void>;
}

/** Builds an executor for `endpoint` with `overrides` applied to the test config. */
export function executorRig(
  endpoint: string,
  overrides: Partial<GatewayConfig> = {},
  api = new RecordingApi(),
  profile: BoardProfile = GENERIC_COIL_BOARD,
  log = silentLogger(),
): ExecutorRig {
  const config = testConfig(overrides);
  const store = CommandStore.open(config.stateDir);
  const pool = new BoardPool(config, log);
  pool.setLayout(
    Array.from({ length: 12 }, (_, i) => ({
      compartmentId: `comp-1-${i}`,
      label: `A${i + 1}`,
      modbus: { endpoint, unitId: 1, coil: i, doorInput: i },
      bankId: 'bank-1',
    })),
    [{ id: 'bank-1', label: 'A', board: profile }],
  );
  pool.get(endpoint);
  const outbox = new AckOutbox(api, log);
  const executor = new CommandExecutor({
    store,
    pool,
    outbox,
    minPulseIntervalMs: config.minPulseIntervalMs,
    expiryMarginMs: config.expiryMarginMs,
    log,
  });
  return {
    executor,
    pool,
    api,
    config,
    async close() {
      await executor.drain();
      await outbox.stop();
      await pool.close();
      store.close();
    },
  };
}
