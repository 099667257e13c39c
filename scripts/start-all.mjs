#!/usr/bin/env node
// The whole locker system in one command (root `pnpm start` builds first, then runs this):
// server (DATABASE_URL, or embedded PostgreSQL in server/.data), the demo seed (only when
// server/.data/demo.json does not exist yet), the relay-board simulator with the seed's
// layout on 127.0.0.1:5020, and a gateway wired with the seed's gateway token.
// Ctrl-C stops everything.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const launch = await import(path.join(root, 'launcher/dist/index.js')).catch(() => {
  console.error('the launcher is not built: run `pnpm start` (builds everything) or `pnpm -r build` first.');
  process.exit(1);
});

const port = Number(process.env.PORT ?? 4000);
const dataDir = process.env.DATA_DIR ?? path.join(root, 'server/.data');
const colors = { server: '\x1b[36m', gateway: '\x1b[35m', simulator: '\x1b[33m' };
const quiet = process.env.START_ALL_QUIET === '1';

console.log('starting server, simulator and gateway...');
let stack;
try {
  stack = await launch.startStack({
    rootDir: root,
    database: process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : 'embedded',
    dataDir,
    serverPort: port,
    simModbusPort: Number(process.env.SIM_MODBUS_PORT ?? 5020),
    simHttpPort: Number(process.env.SIM_HTTP_PORT ?? 5021),
    simAutoCloseMs: process.env.SIM_AUTO_CLOSE_MS ? Number(process.env.SIM_AUTO_CLOSE_MS) : null,
    reuseSeed: true,
    gateway: true,
    output: (name) => (quiet ? 'ignore' : { console: `${colors[name] ?? ''}[${name}]\x1b[0m` }),
  });
} catch (error) {
  console.error(`start-all failed: ${error.message}`);
  process.exit(1);
}

const { seed } = stack;
console.log(`
  Smart lockers are running.

  Kiosk            ${stack.serverUrl}/kiosk/
  Admin            ${stack.serverUrl}/admin/       ${seed.adminEmail} / ${seed.adminPassword}
  GraphQL API      ${stack.graphqlUrl}   (HTTP and WebSocket)
  Simulator API    ${stack.simControlUrl}/state    (e.g. curl -XPOST ${stack.simControlUrl}/doors/1/0/close)
  Modbus (sim)     ${stack.simEndpoint}            units 1 and 2, 12 locks each

  Site id          ${seed.siteId}
  Kiosk token      ${seed.kioskToken}
  Demo data        ${path.join(dataDir, 'demo.json')}

  Ctrl-C stops everything.
`);

let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping gateway, server and simulator...`);
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
for (const child of [stack.server, stack.gateway]) {
  void child?.exited.then((code) => {
    if (!stopping) {
      console.error(`${child.name} exited (${code}); stopping the rest`);
      void stop('exit');
    }
  });
}
