import type { IncomingMessage, ServerOptions, ServerResponse } from 'node:http';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';

/**
 * Limits node:http enforces before any route runs: header size (431), slow headers and slow
 * bodies (408, the connection closed). Checked every second so a slow client is cut off close
 * to its deadline rather than up to 30 s later (node's default check interval).
 */
export function edgeServerOptions(http: Config['http']): ServerOptions {
  return {
    maxHeaderSize: http.maxHeaderBytes,
    headersTimeout: Math.min(http.headersTimeoutMs, http.requestTimeoutMs), // node refuses a larger one
    requestTimeout: http.requestTimeoutMs,
    keepAliveTimeout: 5_000,
    connectionsCheckingInterval: Math.min(1_000, http.headersTimeoutMs),
  };
}

/** The methods each kind of route answers; anything else is 405 with an Allow header. */
export function allowMethods(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  if (allowed.includes(req.method ?? '')) return true;
  res.writeHead(405, { allow: allowed.join(', '), 'content-type': 'text/plain' }).end('method not allowed');
  return false;
}

/**
 * Wraps the request dispatcher so that a defect in one route answers that one request with a
 * masked 500 and is logged, and never reaches the process's uncaught-exception path. It does
 * not replace fixing the cause: the fuzz test fails on any 500.
 */
export function guarded(logger: Logger, handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const fail = (res: ServerResponse, err: unknown) => {
    logger.error({ err }, 'request handler failed');
    if (res.headersSent) return void res.destroy();
    res
      .writeHead(500, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: 'Internal server error' }));
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    // a request or response stream error (a client gone mid-body) is that connection's end, not the process's
    req.on('error', () => req.destroy());
    res.on('error', () => res.destroy());
    try {
      handler(req, res);
    } catch (err) {
      fail(res, err);
    }
  };
}
