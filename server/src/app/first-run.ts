import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import { acquireAdvisoryLock, LOCKS } from '../db/advisory-lock.js';
import { seedDemo } from './seed-demo.js';
import type { Services } from '../container/services.js';

/**
 * The first ADMIN (ADMIN_EMAIL / ADMIN_PASSWORD) and, with SEED_DEMO, the demo site; under the
 * startup lock, so instances starting together create them once.
 */
export async function ensureFirstRunData(
  services: Services,
  config: Config,
  logger: Logger,
  databaseUrl: string,
): Promise<void> {
  const release = await acquireAdvisoryLock(databaseUrl, LOCKS.startup);
  try {
    if (config.adminEmail && config.adminPassword) {
      const result = await services.users.ensureAdmin(config.adminEmail, config.adminPassword);
      logger.info({ email: config.adminEmail, result }, 'first admin');
    }
    if (config.seedDemo) await seedDemo(services, config, logger);
  } finally {
    await release();
  }
}
