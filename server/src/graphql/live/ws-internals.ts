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

/**
 * The start of a graphql-ws `next` message for subscription `id`: the result's JSON and a
 * closing brace complete it. Written straight to the socket, beside graphql-ws's own messages
 * (its protocol, graphql-transport-ws, fixes the shape; the key order is ours).
 */
export function nextMessagePrefix(id: string): string {
  return `{"id":${JSON.stringify(id)},"type":${JSON.stringify(MessageType.Next)},"payload":`;
}
