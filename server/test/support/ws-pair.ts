import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

const servers: WebSocketServer[] = [];

/**
 * A real WebSocket pair on loopback: the server side's socket and its client. `deflate` offers
 * per-message compression. Close them all with `closeWsPairs` after each test.
 */
export async function wsPair(deflate = false): Promise<{ server: WebSocket; client: WebSocket }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: deflate });
  servers.push(wss);
  await new Promise((r) => wss.once('listening', r));
  const serverSide = new Promise<WebSocket>((r) => wss.once('connection', r));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  await new Promise((r) => client.once('open', r));
  return { server: await serverSide, client };
}

/** Ends every pair's connections and server. */
export async function closeWsPairs(): Promise<void> {
  for (const wss of servers.splice(0)) {
    for (const c of wss.clients) c.terminate();
    await new Promise((r) => wss.close(r));
  }
}
