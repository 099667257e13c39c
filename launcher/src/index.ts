/** The whole-system launcher: `pnpm start`, the e2e harness, the benchmark, the fault-injection suite and the gateway's system tests. */
export {
  startStack,
  SERVER_NODE_FLAGS,
  type Stack,
  type StackOptions,
  type Replica,
  type DemoSeed,
  type InProcessSimulator,
  type InProcessSimulatorOptions,
} from './stack.js';
export { startChild, waitForHttp, run, type Child, type OutputSink } from './child.js';
export { createScratchDatabase, type ScratchDatabase } from './database.js';
export { freePort } from './ports.js';
