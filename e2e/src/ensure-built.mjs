#!/usr/bin/env node
// The e2e harness starts built artefacts only. Before Playwright runs, build whatever
// package has no dist yet (a root `pnpm -r build` makes this a no-op).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const needs = [
  ['server', ['dist/main.js', 'dist/cli.js']],
  ['launcher', ['dist/index.js']],
  ['lock-gateway', ['dist/cli/gateway-main.js', 'dist/simulator/cli/sim-main.js']],
  ['kiosk-web', ['dist/index.html']],
  ['admin-web', ['dist/index.html']],
];
for (const [pkg, files] of needs) {
  if (files.every((f) => fs.existsSync(path.join(root, pkg, f)))) continue;
  console.log(`e2e: building ${pkg} (dist missing)`);
  execFileSync('pnpm', ['--dir', path.join(root, pkg), 'run', 'build'], { stdio: 'inherit' });
}
