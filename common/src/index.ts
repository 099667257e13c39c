/**
 * Rules shared by the server, the kiosk and the admin app, one module per rule area: `money/`
 * and `csv/` here; `env/` (environment parsing, for the server's and the gateway's processes)
 * only through `@lockers/common/env`, so the apps never bundle it.
 */
export * from './money/index.js';
export * from './csv/index.js';
