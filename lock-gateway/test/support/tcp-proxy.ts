/**
 * A TCP proxy that can go silent without closing anything: the half-open link a pulled
 * cable or a dead NAT entry makes, which only keep-alives can detect.
 */
import net from 'node:net';

/** A running proxy to `target`. */
export interface TcpProxy {
  port: number;
  /** Stop forwarding in both directions; connections stay open. */
  freeze(): void;
  /** Forward again (new connections only; frozen ones stay dead, as after a real outage). */
  thaw(): void;
  close(): Promise<void>;
}

/** Starts a proxy on a free port forwarding to 127.0.0.1:`targetPort`. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let frozen = false;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const forward = (from: net.Socket, to: net.Socket): void => {
      from.on('data', (chunk) => {
        if (!frozen && !(from as net.Socket & { dead?: boolean }).dead) to.write(chunk);
      });
    };
    forward(client, upstream);
    forward(upstream, client);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze: () => {
      frozen = true;
      for (const [a, b] of pairs) {
        (a as net.Socket & { dead?: boolean }).dead = true;
        (b as net.Socket & { dead?: boolean }).dead = true;
      }
    },
    thaw: () => {
      frozen = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const [a, b] of pairs) {
          a.destroy();
          b.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
