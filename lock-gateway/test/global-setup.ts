/**
 * Before the tests: the system tests start the built server and the built gateway CLI as
 * child processes, so each is built when its dist is missing or older than its sources.
 */
import { ensureBuilt, SYSTEM_PACKAGES } from '@lockers/launcher/ensure-built';

/** Vitest global setup. */
export default function setup(): void {
  ensureBuilt(SYSTEM_PACKAGES);
}
