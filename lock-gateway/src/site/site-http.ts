/**
 * The site path over HTTP on the site's network, for kiosks that cannot reach the server:
 * `POST /site/scan` `{"code": "..."}` and `GET /site/status`. Errors answer
 * `{ error: { code, message } }` with the refusal's status. No code is ever logged.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { SitePath } from './site-path.js';
import { REFUSAL_MESSAGES, REFUSAL_STATUS, type SiteRefusal } from './site-scan.js';

const MAX_BODY = 4096;
/** Unknown codes per address per minute before it must wait (the codes are 160 random bits; this keeps the log quiet). */
const FAILED_SCANS_PER_MINUTE = 10;

/** Options of the site path's HTTP server. */
export interface SiteHttpOptions {
  host: string;
  port: number;
  corsOrigins: readonly string[];
  log: Logger;
}

/** Starts the server; resolves once it listens. */
export async function startSiteHttp(
  site: SitePath,
  options: SiteHttpOptions,
): Promise<{ port: number; close: () => Promise<void> }> {
  const failures = new Map<string, { count: number; windowStart: number }>();
  const server = http.createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin && (options.corsOrigins.includes('*') || options.corsOrigins.includes(origin))) {
      res.setHeader('access-control-allow-origin', options.corsOrigins.includes('*') ? '*' : origin);
      res.setHeader('access-control-allow-headers', 'content-type');
      res.setHeader('access-control-allow-methods', 'GET, POST');
      res.setHeader('vary', 'origin');
    }
    const url = (req.url ?? '').split('?')[0];
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (req.method === 'GET' && url === '/site/status') return json(res, 200, site.status());
    if (req.method === 'POST' && url === '/site/scan') return void scan(req, res);
    json(res, 404, { error: { code: 'NOT_FOUND', message: 'Not found' } });
  });

  const refuse = (res: http.ServerResponse, refusal: SiteRefusal): void =>
    json(res, REFUSAL_STATUS[refusal], { error: { code: refusal, message: REFUSAL_MESSAGES[refusal] } });

  async function scan(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const address = req.socket.remoteAddress ?? 'unknown';
    const now = Date.now();
    const seen = failures.get(address);
    if (seen && now - seen.windowStart < 60_000 && seen.count >= FAILED_SCANS_PER_MINUTE)
      return refuse(res, 'RATE_LIMITED');
    const body = await readBody(req).catch(() => null);
    let code: unknown;
    try {
      code = body === null ? undefined : (JSON.parse(body) as { code?: unknown }).code;
    } catch {
      code = undefined;
    }
    if (typeof code !== 'string' || code.length > 200) return refuse(res, 'BAD_REQUEST');
    try {
      const result = await site.scan(code);
      if (!result.ok) {
        if (result.refusal === 'INVALID_CODE' || result.refusal === 'UNKNOWN_CODE') {
          const w = seen && now - seen.windowStart < 60_000 ? seen : { count: 0, windowStart: now };
          w.count++;
          failures.set(address, w);
        }
        return refuse(res, result.refusal);
      }
      json(res, 200, {
        outcome: 'OPENED',
        compartmentLabel: result.compartmentLabel,
        message: `Locker ${result.compartmentLabel} is open. Take your luggage and close the door.`,
      });
    } catch (error) {
      options.log.error({ error: (error as Error).message }, 'site scan failed');
      json(res, 500, { error: { code: 'INTERNAL', message: 'Something went wrong. Ask staff for help.' } });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  options.log.info({ host: options.host, port }, 'site path listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
