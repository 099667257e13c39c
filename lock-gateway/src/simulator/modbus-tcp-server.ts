/**
 * A Modbus TCP server over node:net: MBAP framing (transaction id, protocol 0, length,
 * unit id) around the PDU, with the site's faults applied per request.
 */
import net from 'node:net';
import type { SimSite } from './sim-site.js';

const MBAP = 7;

/** A listening Modbus TCP server. */
export interface ModbusTcpServer {
  readonly host: string;
  readonly port: number;
  /** Connections open right now. */
  connections: () => number;
  close(): Promise<void>;
}

/** Starts a Modbus TCP server for `site` (port 0 picks a free one). */
export async function startModbusTcpServer(
  site: SimSite,
  host: string,
  port: number,
): Promise<ModbusTcpServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    if (site.faults.refuseConnections || site.rebooting) {
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    serve(site, socket);
  });
  const drop = (): void => {
    for (const s of sockets) s.destroy();
  };
  site.on('dropConnections', drop);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    host,
    port: address.port,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        site.off('dropConnections', drop);
        drop();
        server.close(() => resolve());
      }),
  };
}

function serve(site: SimSite, socket: net.Socket): void {
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= MBAP) {
      const length = buffer.readUInt16BE(4);
      if (length < 2 || length > 254) {
        // Not Modbus TCP: a real device would hang up on garbage.
        socket.destroy();
        return;
      }
      if (buffer.length < 6 + length) return;
      const frame = buffer.subarray(0, 6 + length);
      buffer = buffer.subarray(6 + length);
      respond(site, socket, frame);
    }
  });
}

function respond(site: SimSite, socket: net.Socket, frame: Buffer): void {
  const { delayMs } = site.faults;
  const transactionId = frame.readUInt16BE(0);
  const unitId = frame[6] ?? 0;
  const pdu = frame.subarray(MBAP);
  const send = (): void => {
    if (socket.destroyed) return;
    // Apply the request only when answering, so a delayed answer is also a delayed effect.
    const answer = site.answer(unitId, pdu);
    if (!answer) return;
    const header = Buffer.alloc(MBAP);
    header.writeUInt16BE(transactionId, 0);
    header.writeUInt16BE(0, 2);
    header.writeUInt16BE(answer.length + 1, 4);
    header[6] = unitId;
    socket.write(Buffer.concat([header, answer]));
  };
  if (delayMs > 0) setTimeout(send, delayMs);
  else send();
}
