/**
 * The site path over HTTP on the site's network, for kiosks that cannot reach the server:
 * `POST /site/scan` `{"code": "..."}`, `POST /site/deposit` `{"size": "SMALL", "language": "en"}`
 * and `GET /site/status`. Errors answer `{ error: { code, message } }` with the refusal's
 * status. No code is ever logged. Every address is limited: scans and deposits in all, unknown
 * codes, and deposits (each one takes a compartment until the server is back).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { SitePath } from './site-path.js';
import { REFUSAL_MESSAGES, REFUSAL_STATUS, type SiteRefusal } from './site-scan.js';

const MAX_BODY = 4096;
/** Unknown codes per address per minute before it must wait (the codes are 160 random bits; this keeps the log quiet). */
const FAILED_SCANS_PER_MINUTE = 10;
/** Deposits per address per minute: a kiosk serves one traveller at a time; a script would empty the site. */
const DEPOSITS_PER_MINUTE = 6;
/** Scans and deposits per address per minute, whatever their outcome (the status read is free). */
const REQUESTS_PER_MINUTE = 60;
const SIZE = /^[A-Z]{1,20}$/;
const LANGUAGE = /^[a-z]{2}(-[A-Z]{2})?$/;

/** A count per address over a one-minute window. */
class PerMinute {
  private readonly windows = new Map<string, { count: number; start: number }>();
  constructor(private readonly limit: number) {}

  /** Whether `address` is over its limit now (without counting). */
  exceeded(address: string, now: number): boolean {
    const w = this.windows.get(address);
    return !!w && now - w.start < 60_000 && w.count >= this.limit;
  }

  count(address: string, now: number): void {
    if (this.windows.size > 10_000) this.sweep(now);
    const w = this.windows.get(address);
    if (w && now - w.start < 60_000) w.count++;
    else this.windows.set(address, { count: 1, start: now });
  }

  private sweep(now: number): void {
    for (const [address, w] of this.windows) if (now - w.start >= 60_000) this.windows.delete(address);
  }
}

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
  const failures = new PerMinute(FAILED_SCANS_PER_MINUTE);
  const deposits = new PerMinute(DEPOSITS_PER_MINUTE);
  const requests = new PerMinute(REQUESTS_PER_MINUTE);
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
    const address = req.socket.remoteAddress ?? 'unknown';
    const now = Date.now();
    if (req.method === 'POST' && requests.exceeded(address, now)) return refuse(res, 'RATE_LIMITED');
    if (req.method === 'POST') requests.count(address, now);
    if (req.method === 'POST' && url === '/site/scan') return void scan(req, res);
    if (req.method === 'POST' && url === '/site/deposit') return void deposit(req, res);
    json(res, 404, { error: { code: 'NOT_FOUND', message: 'Not found' } });
  });

  const refuse = (res: http.ServerResponse, refusal: SiteRefusal): void =>
    json(res, REFUSAL_STATUS[refusal], { error: { code: refusal, message: REFUSAL_MESSAGES[refusal] } });

  async function deposit(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const address = req.socket.remoteAddress ?? 'unknown';
    if (deposits.exceeded(address, Date.now())) return refuse(res, 'RATE_LIMITED');
    const body = await readJson(req);
    const size = body?.size;
    const language = body?.language ?? null;
    if (typeof size !== 'string' || !SIZE.test(size)) return refuse(res, 'BAD_REQUEST');
    if (language !== null && (typeof language !== 'string' || !LANGUAGE.test(language)))
      return refuse(res, 'BAD_REQUEST');
    try {
      const result = await site.deposit(size, language);
      if (!result.ok) return refuse(res, result.refusal);
      deposits.count(address, Date.now());
      json(res, 200, {
        outcome: 'OPENED',
        compartmentLabel: result.compartmentLabel,
        size: result.size,
        code: result.code,
        includedMinutes: result.includedMinutes,
        dueAt: result.dueAt,
        message: `Locker ${result.compartmentLabel} is open. Put your luggage in and close the door. Keep your code: it opens the locker again.`,
      });
    } catch (error) {
      options.log.error({ error: (error as Error).message }, 'site deposit failed');
      json(res, 500, { error: { code: 'INTERNAL', message: 'Something went wrong. Ask staff for help.' } });
    }
  }

  async function scan(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const address = req.socket.remoteAddress ?? 'unknown';
    if (failures.exceeded(address, Date.now())) return refuse(res, 'RATE_LIMITED');
    const code = (await readJson(req))?.code;
    if (typeof code !== 'string' || code.length > 200) return refuse(res, 'BAD_REQUEST');
    try {
      const result = await site.scan(code);
      if (!result.ok) {
        if (result.refusal === 'INVALID_CODE' || result.refusal === 'UNKNOWN_CODE')
          failures.count(address, Date.now());
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
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    // a refused body may still be arriving: this connection is not reused
    ...(status === 400 ? { connection: 'close' } : {}),
  });
  res.end(JSON.stringify(body));
}

/** The body as a JSON object; null when it is too large, not JSON, or not an object. */
async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown> | null> {
  const body = await readBody(req).catch(() => null);
  if (body === null) return null;
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        // Answered (BAD_REQUEST) rather than cut off: the rest is read and dropped.
        req.removeAllListeners('data');
        req.resume();
        reject(new Error('body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
