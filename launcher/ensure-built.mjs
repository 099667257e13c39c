// Whatever starts built artefacts (the e2e harness, the benchmark, the fault-injection suite,
// the gateway's system tests) first builds each package whose dist is missing or older than
// its sources: testing a stale dist passes on code that is not there. Plain JavaScript, so it
// runs before anything, the launcher included, is built.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace's root folder. */
export const WORKSPACE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** Whether `pkg`'s built files all exist and none is older than a file of its `src/`. */
export function isBuilt(pkg, files) {
  const dir = path.join(WORKSPACE_ROOT, pkg);
  const sources = path.join(dir, 'src');
  const since = fs.existsSync(sources) ? newest(sources) : 0;
  return files.every((f) => {
    const built = path.join(dir, f);
    return fs.existsSync(built) && fs.statSync(built).mtimeMs >= since;
  });
}

/**
 * Builds (`pnpm run build`, in the order given) every package whose dist is missing or stale.
 * A failed build throws: nothing runs on what is not there.
 */
export function ensureBuilt(packages, log = (line) => console.warn(line)) {
  for (const [pkg, files] of packages) {
    if (isBuilt(pkg, files)) continue;
    log(`building ${pkg} (its dist is missing or older than its sources)...`);
    execFileSync('pnpm', ['--dir', path.join(WORKSPACE_ROOT, pkg), 'run', 'build'], { stdio: 'inherit' });
  }
}

/** What starts the system: the server, the gateway and its simulator, the launcher. */
export const SYSTEM_PACKAGES = [
  ['server', ['dist/main.js', 'dist/cli.js']],
  ['lock-gateway', ['dist/cli/gateway-main.js', 'dist/simulator/cli/sim-main.js']],
  ['launcher', ['dist/index.js']],
];

/** The system and both web apps (the browser tests). */
export const SYSTEM_AND_APPS = [
  ...SYSTEM_PACKAGES,
  ['kiosk-web', ['dist/index.html']],
  ['admin-web', ['dist/index.html']],
];
