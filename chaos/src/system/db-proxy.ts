/**
 * A TCP proxy in front of PostgreSQL that the suite controls: the server's only way to its
 * database. `blackhole` stops forwarding in both directions (a partition: queries hang),
 * `refuse` closes every connection and refuses new ones (the database host is down); `pass`
 * heals. Leaving a blackhole closes the connections held meanwhile, as a router's timeout would.
 */
import net from 'node:net';

export type ProxyMode = 'pass' | 'blackhole' | 'refuse';

/** A running proxy. */
export interface DbProxy {
  readonly port: number;
  readonly mode: ProxyMode;
  setMode(mode: ProxyMode): void;
  /** Closes every proxied connection now (the mode stays). */
  reset(): void;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
}

/** Listens on a free port of 127.0.0.1 and forwards to `target`. */
export async function startDbProxy(target: { host: string; port: number }): Promise<DbProxy> {
  let mode: ProxyMode = 'pass';
  const pairs = new Set<Pair>();
  const server = net.createServer((client) => {
    if (mode === 'refuse') {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    const pair: Pair = { client, upstream };
    pairs.add(pair);
    const end = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    // Forward by hand rather than pipe(): in a blackhole the bytes are read and dropped.
    client.on('data', (chunk) => {
      if (mode === 'pass') upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (mode === 'pass') client.write(chunk);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const reset = (): void => {
    for (const p of [...pairs]) {
      p.client.destroy();
      p.upstream.destroy();
    }
    pairs.clear();
  };
  return {
    port: (server.address() as net.AddressInfo).port,
    get mode() {
      return mode;
    },
    setMode(next) {
      const leavingBlackhole = mode === 'blackhole' && next !== 'blackhole';
      mode = next;
      if (next === 'refuse' || leavingBlackhole) reset();
    },
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        reset();
        server.close(() => resolve());
      }),
  };
}
