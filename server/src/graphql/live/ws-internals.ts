/**
 * Every place the live delivery relies on more than the public API of `ws` and `graphql-ws`,
 * in one module. The fan-out path writes subscription results to sockets itself (once per
 * event, not once per subscriber) and corks the socket around a tick's frames; both lean on
 * details the libraries do not promise. `test/live/ws-internals.test.ts` pins the versions
 * below and checks each detail against the installed libraries: an upgrade fails there first.
 */
import type { Duplex } from 'node:stream';
import { MessageType } from 'graphql-ws';
import type WebSocket from 'ws';

/** The versions these details were checked against (exactly what package.json installs). */
export const CHECKED_VERSIONS = { ws: '8.23.0', 'graphql-ws': '6.4.2' } as const;

/**
 * The TCP socket under a `ws` WebSocket: ws keeps it in the private `_socket` field (not in its
 * types). Null when it is not there (closed, or a ws that stopped keeping it).
 */
export function rawSocketOf(socket: WebSocket): Duplex | null {
  const raw = (socket as unknown as { _socket?: Duplex | null })._socket;
  return raw && typeof raw.cork === 'function' ? raw : null;
}

/** ws's sender, as far as `senderWritesAtOnce` reads it (private fields, not in its types). */
interface SenderState {
  _state?: number;
  _queue?: unknown[];
}

/**
 * Whether ws would write a frame sent now straight to the TCP socket, in the order sent: its
 * sender is in its DEFAULT state (0: not compressing, not reading a Blob) with nothing queued,
 * and no compression was negotiated (the server offers none). Only then may a frame made by
 * `textFrame` be written beside ws's own without overtaking one of them.
 */
export function senderWritesAtOnce(socket: WebSocket): boolean {
  const internals = socket as unknown as { _sender?: SenderState | null; _extensions?: object };
  const sender = internals._sender;
  return (
    !!sender &&
    sender._state === 0 &&
    sender._queue?.length === 0 &&
    !Object.hasOwn(internals._extensions ?? {}, 'permessage-deflate')
  );
}

/**
 * A whole WebSocket text message as a server sends it (RFC 6455 5.2: FIN, opcode 1, unmasked),
 * header and UTF-8 payload in one buffer: one chunk for the socket instead of ws's two (its
 * header buffer and the string, encoded again when the corked chunks are written). The payload
 * is given in parts already encoded, so a result shared by a thousand subscribers is encoded
 * once and only copied into each one's frame.
 */
export function textFrame(parts: readonly Buffer[]): Buffer {
  let length = 0;
  for (const part of parts) length += part.length;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x81;
  if (header === 2) frame[1] = length;
  else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(0, 2);
    frame.writeUInt32BE(length, 6);
  }
  let at = header;
  for (const part of parts) {
    frame.set(part, at); // a plain copy: Buffer#copy's checks cost more than the bytes here
    at += part.length;
  }
  return frame;
}

/**
 * The start of a graphql-ws `next` message for subscription `id`: the result's JSON and a
 * closing brace complete it. Written straight to the socket, beside graphql-ws's own messages
 * (its protocol, graphql-transport-ws, fixes the shape; the key order is ours).
 */
export function nextMessagePrefix(id: string): string {
  return `{"id":${JSON.stringify(id)},"type":${JSON.stringify(MessageType.Next)},"payload":`;
}
