/**
 * The simulator's control API (JSON over HTTP), used by tests, the e2e harness, the
 * benchmark and people at a demo:
 *   GET  /state                      doors, faults, connection count
 *   GET  /doors                      every door
 *   GET  /pulses?since=<epoch ms>    coil pulses with start and duration
 *   GET  /door-log?after=<seq>       door changes with cause, openings with the reads that saw them
 *   POST /doors/<unit>/<input>/open|close|force|jam|unjam
 *   POST /faults {delayMs?, silent?, busy?, refuseConnections?, silentFunctions?, refuseFunctions?, refuseCode?}
 *   POST /reboot {downMs?, keepRelays?}    power-cycle every board
 *   POST /drop                       close every Modbus connection now
 *   POST /reset                      doors closed, no faults, empty log
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimFaults, SimSite } from './sim-site.js';

/** A listening control API. */
export interface ControlApi {
  readonly url: string;
  close(): Promise<void>;
}

type Reply = { status: number; body: unknown };

/** Starts the control API for `site` (port 0 picks a free one). */
export async function startControlApi(
  site: SimSite,
  host: string,
  port: number,
  connections: () => number,
): Promise<ControlApi> {
  const server = http.createServer((req, res) => {
    void readBody(req).then((raw) => {
      let reply: Reply;
      try {
        reply = route(site, req.method ?? 'GET', new URL(req.url ?? '/', 'http://x'), raw, connections);
      } catch (error) {
        reply = { status: 400, body: { error: (error as Error).message } };
      }
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function route(site: SimSite, method: string, url: URL, raw: string, connections: () => number): Reply {
  const parts = url.pathname.split('/').filter(Boolean);
  if (method === 'GET' && url.pathname === '/state') {
    return ok({ doors: site.doors(), faults: site.faults, connections: connections() });
  }
  if (method === 'GET' && url.pathname === '/doors') return ok(site.doors());
  if (method === 'GET' && url.pathname === '/pulses') {
    return ok(site.pulsesSince(Number(url.searchParams.get('since') ?? 0)));
  }
  if (method === 'GET' && url.pathname === '/door-log') {
    return ok(site.doorLog.since(Number(url.searchParams.get('after') ?? 0)));
  }
  if (method !== 'POST') return { status: 404, body: { error: 'not found' } };
  if (url.pathname === '/faults') return ok(site.setFaults(parseFaults(raw)));
  if (url.pathname === '/reboot') {
    const body = (raw ? JSON.parse(raw) : {}) as { downMs?: unknown; keepRelays?: unknown };
    const downMs = typeof body.downMs === 'number' && body.downMs >= 0 ? body.downMs : 1000;
    site.reboot(downMs, body.keepRelays === true);
    return ok({ rebooting: true, downMs, keepRelays: body.keepRelays === true });
  }
  if (url.pathname === '/drop') {
    site.dropConnections();
    return ok({ dropped: true });
  }
  if (url.pathname === '/reset') {
    site.reset();
    return ok({ reset: true });
  }
  if (parts[0] === 'doors' && parts.length === 4) {
    const unit = site.requireUnit(Number(parts[1]));
    const input = Number(parts[2]);
    switch (parts[3]) {
      case 'open':
        unit.setDoor(input, true, 'manual');
        break;
      case 'force':
        unit.setDoor(input, true, 'forced');
        break;
      case 'close':
        unit.setDoor(input, false, 'manual');
        break;
      case 'jam':
        unit.setJammed(input, true);
        break;
      case 'unjam':
        unit.setJammed(input, false);
        break;
      default:
        return { status: 404, body: { error: `unknown door action ${parts[3]}` } };
    }
    return ok(site.doors().find((d) => d.unitId === unit.unitId && d.input === input));
  }
  return { status: 404, body: { error: 'not found' } };
}

function parseFaults(raw: string): Partial<SimFaults> {
  const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
  const out: Partial<SimFaults> = {};
  if (typeof body.delayMs === 'number' && body.delayMs >= 0) out.delayMs = body.delayMs;
  for (const key of ['silent', 'busy', 'refuseConnections'] as const) {
    if (typeof body[key] === 'boolean') out[key] = body[key];
  }
  for (const key of ['silentFunctions', 'refuseFunctions'] as const) {
    const list = body[key];
    if (Array.isArray(list) && list.every((n) => Number.isInteger(n))) out[key] = list as number[];
  }
  if (typeof body.refuseCode === 'number' && Number.isInteger(body.refuseCode))
    out.refuseCode = body.refuseCode;
  return out;
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}
