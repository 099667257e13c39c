/**
 * Controller endpoints as the server's config names them; ONE syntax, the same as the
 * server's validation (server/src/modules/compartments/modbus-endpoint.ts) and the README,
 * both tested on test/endpoint-examples.json:
 *   tcp://host[:port]                     Modbus TCP (port defaults to 502)
 *   rtu://<absolute device path>[?baud=9600&parity=none|even|odd&dataBits=7|8&stopBits=1|2]
 *                                         Modbus RTU, e.g. rtu:///dev/ttyUSB0 or rtu:///tmp/gw-rtu
 *   sim://name                            the in-memory simulated board (tests, dry runs; not accepted by the server)
 */

/** A parsed controller endpoint. */
export type Endpoint =
  | { kind: 'tcp'; key: string; host: string; port: number }
  | {
      kind: 'rtu';
      key: string;
      path: string;
      baudRate: number;
      parity: 'none' | 'even' | 'odd';
      dataBits: 7 | 8;
      stopBits: 1 | 2;
    }
  | { kind: 'sim'; key: string; name: string };

/** Parses an endpoint string; throws a readable error when it is not one of the forms above. */
export function parseEndpoint(raw: string): Endpoint {
  const url = new URL(raw);
  switch (url.protocol) {
    case 'tcp:': {
      const port = url.port ? Number(url.port) : 502;
      if (!url.hostname) throw new Error(`endpoint ${raw}: missing host`);
      if ((url.pathname && url.pathname !== '/') || url.search)
        throw new Error(`endpoint ${raw}: a tcp endpoint is only a host and a port`);
      return {
        kind: 'tcp',
        key: `tcp://${url.hostname}:${port}`,
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port,
      };
    }
    case 'rtu:': {
      const path = decodeURIComponent(url.pathname);
      if (url.hostname || !path.startsWith('/') || path === '/' || path.endsWith('/')) {
        throw new Error(
          `endpoint ${raw}: rtu:// must be followed by an absolute serial device path, e.g. rtu:///dev/ttyUSB0`,
        );
      }
      const unknown = [...url.searchParams.keys()].filter(
        (k) => !['baud', 'parity', 'dataBits', 'stopBits'].includes(k),
      );
      if (unknown.length > 0) throw new Error(`endpoint ${raw}: unknown parameter ${unknown.join(', ')}`);
      const baudRate = Number(url.searchParams.get('baud') ?? 9600);
      const parity = (url.searchParams.get('parity') ?? 'none') as 'none' | 'even' | 'odd';
      const dataBits = Number(url.searchParams.get('dataBits') ?? 8);
      const stopBits = Number(url.searchParams.get('stopBits') ?? 1);
      if (!Number.isInteger(baudRate) || baudRate < 1200 || baudRate > 1_000_000)
        throw new Error(`endpoint ${raw}: bad baud`);
      if (!['none', 'even', 'odd'].includes(parity)) throw new Error(`endpoint ${raw}: bad parity`);
      if (dataBits !== 7 && dataBits !== 8) throw new Error(`endpoint ${raw}: bad dataBits`);
      if (stopBits !== 1 && stopBits !== 2) throw new Error(`endpoint ${raw}: bad stopBits`);
      return { kind: 'rtu', key: `rtu://${path}`, path, baudRate, parity, dataBits, stopBits };
    }
    case 'sim:':
      return { kind: 'sim', key: raw, name: url.hostname || url.pathname };
    default:
      throw new Error(`endpoint ${raw}: unsupported scheme ${url.protocol} (tcp://, rtu://, sim://)`);
  }
}
