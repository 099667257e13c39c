import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Config } from '../config/config.js';
import type { Metrics } from '../observability/metrics.js';
import { json } from './http-utils.js';

/**
 * Where /metrics is served: on METRICS_PORT (a port the balancer does not expose), and on
 * the API port only with `Authorization: Bearer <METRICS_TOKEN>`. In production with neither
 * it is not served on the API port at all; in development and tests it is open there.
 */
export function metricsEndpoint(
  config: Config,
  metrics: Metrics,
): { serveMetrics: (req: IncomingMessage, res: ServerResponse) => void; metricsServer: Server | null } {
  const send = (res: ServerResponse) =>
    void metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => json(res, 500, { error: 'metrics unavailable' }),
    );
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const expected = config.metricsToken ? digest(`Bearer ${config.metricsToken}`) : null;
  const openOnApiPort = expected === null && config.metricsPort === null && config.nodeEnv !== 'production';
  const serveMetrics = (req: IncomingMessage, res: ServerResponse) => {
    if (openOnApiPort) return send(res);
    if (expected === null) return json(res, 404, { error: 'not found' });
    // compared as digests: constant time whatever the header's length
    if (!timingSafeEqual(digest(req.headers.authorization ?? ''), expected))
      return json(res, 401, { error: 'metrics need the METRICS_TOKEN bearer token' });
    send(res);
  };
  const metricsServer =
    config.metricsPort === null
      ? null
      : createServer((req, res) =>
          (req.url ?? '/').split('?')[0] === '/metrics' ? send(res) : json(res, 404, { error: 'not found' }),
        );
  return { serveMetrics, metricsServer };
}
