import net from 'node:net';

/** A TCP proxy whose client-to-server direction is late by a set delay (order kept). */
export interface SlowProxy {
  port: number;
  /** The delay of bytes sent from now on, in ms. */
  delayMs: number;
  close(): Promise<void>;
}

/**
 * Forwards to 127.0.0.1:`targetPort`, holding what the client sends for `delayMs`: a far
 * or congested link to one instance's Redis, so a SUBSCRIBE reaches Redis later than a
 * PUBLISH another instance sends at the same moment.
 */
export async function startSlowProxy(targetPort: number, delayMs: number): Promise<SlowProxy> {
  const sockets = new Set<net.Socket>();
  const proxy: SlowProxy = {
    port: 0,
    delayMs,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let last = 0; // chunks leave in order even when the delay changes
    client.on('data', (chunk) => {
      const at = Math.max(Date.now() + proxy.delayMs, last);
      last = at;
      setTimeout(() => upstream.writable && upstream.write(chunk), at - Date.now());
    });
    upstream.on('data', (chunk) => client.writable && client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.port = (server.address() as net.AddressInfo).port;
  return proxy;
}
