/** Launch helpers shared by scripts/start-all.mjs, the e2e harness, the benchmark and system tests. */
export { startStack, type Stack, type StackOptions, type DemoSeed } from './stack.js';
export { startChild, waitForHttp, run, type Child, type OutputSink } from './child.js';
export { createScratchDatabase, type ScratchDatabase } from './database.js';
export { freePort } from './ports.js';
