import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { guarded } from './edge.js';
import { applyCors, json } from './http-utils.js';

/** Answers one request on an exact path; `requestId` is already on the response. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, requestId: string) => void;

/** Answers a request it recognises by its path and returns true; false passes it on. */
export type FallbackHandler = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

/** What the HTTP server answers: exact paths first, then the fallbacks in order, then 404. */
export interface Routes {
  exact: Readonly<Record<string, RouteHandler>>;
  fallbacks: readonly FallbackHandler[];
}

/** Trusted when it is a plain token: a caller's id ties its logs to ours, anything else is replaced. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return (typeof given === 'string' ? given.replace(/[^\w.:-]/g, '').slice(0, 100) : '') || randomUUID();
}

/** What the app's drain offers the edge: false when a request is refused because the server is draining. */
export interface RequestTracker {
  track(req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * The HTTP server's request listener. Every request is tracked for the drain, gets a request
 * id, a duration metric by route and the CORS headers; preflights are answered here; then the
 * route table decides. A defect in a route answers a masked 500 (see `guarded`).
 */
export function dispatcher(
  routes: Routes,
  deps: { config: Config; logger: Logger; metrics: Metrics; drain: RequestTracker },
): (req: IncomingMessage, res: ServerResponse) => void {
  const { config, logger, metrics, drain } = deps;
  return guarded(logger, (req, res) => {
    if (!drain.track(req, res)) return;
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const path = (req.url ?? '/').split('?')[0]!;
    const route = path === '/graphql' ? 'graphql' : path.split('/')[1] || 'root';
    const end = metrics.httpDuration.startTimer({ route });
    res.once('finish', () => end({ status: String(res.statusCode) }));
    applyCors(req, res, config.corsOrigins);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const exact = Object.hasOwn(routes.exact, path) ? routes.exact[path] : undefined;
    if (exact) return exact(req, res, requestId);
    for (const fallback of routes.fallbacks) if (fallback(req, res, path)) return;
    json(res, 404, { error: 'not found' });
  });
}
