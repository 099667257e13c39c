import type { Caller } from '../auth/caller.js';
import type { Services } from '../container/services.js';
import type { Loaders } from './loaders.js';

/** What every resolver receives: who is calling, the domain services, per-operation loaders. */
export interface GqlContext {
  caller: Caller;
  services: Services;
  loaders: Loaders;
  requestId: string;
}
