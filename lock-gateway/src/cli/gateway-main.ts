#!/usr/bin/env node
/**
 * `lock-gateway`: runs the gateway (or `--check`). Config from env/flags (see README);
 * SIGINT/SIGTERM stop it gracefully (pulses under way finish, relays end off).
 */
import { loadGatewayConfig, redactedConfig, type GatewayConfig } from '../config/gateway-config.js';
import { Gateway } from '../gateway/gateway.js';
import { createLogger } from '../logging/logger.js';
import { runCheck } from './check.js';

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadGatewayConfig(process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const log = createLogger('lock-gateway', config.logLevel);
  if (config.check) {
    process.exit(await runCheck(config, log, (line) => console.log(line)));
  }
  log.info({ config: redactedConfig(config) }, 'starting lock gateway');
  const gateway = new Gateway(config, log);
  gateway.start();
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void gateway.stop().then(() => {
      log.info('stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
