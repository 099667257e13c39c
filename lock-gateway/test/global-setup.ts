/**
 * Before the tests: the system tests start the built server and the built gateway CLI as
 * child processes, so build both when their dist is missing or older than their sources.
 * A build that fails fails the run: testing a stale dist would pass on code that is not there.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

function ensureBuilt(pkg: string, marker: string): void {
  const dir = path.join(root, pkg);
  const built = path.join(dir, marker);
  if (!fs.existsSync(path.join(dir, 'src'))) return;
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest(path.join(dir, 'src'))) return;
  const build = spawnSync('pnpm', ['--dir', dir, 'run', 'build'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`${pkg}: build failed\n${build.stdout}${build.stderr}`);
}

/** Vitest global setup. */
export default function setup(): void {
  ensureBuilt('lock-gateway', 'dist/cli/gateway-main.js');
  ensureBuilt('server', 'dist/main.js');
}
