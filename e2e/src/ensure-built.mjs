#!/usr/bin/env node
// The e2e harness starts built artefacts only: before Playwright runs, every package whose
// dist is missing or older than its sources is built (after a root `pnpm -r build`, nothing).
import { ensureBuilt, SYSTEM_AND_APPS } from '@lockers/launcher/ensure-built';

ensureBuilt(SYSTEM_AND_APPS, (line) => console.log(`e2e: ${line}`));
