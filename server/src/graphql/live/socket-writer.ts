import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import { rawSocketOf, senderWritesAtOnce, textFrame } from './ws-internals.js';

/** 1013 Try Again Later: the client may reconnect and resubscribe (it gets current state then). */
export const TOO_SLOW_CLOSE = { code: 1013, reason: 'Too far behind: messages backed up' } as const;

const writers = new WeakMap<WebSocket, SocketWriter>();

/** The writer of one WebSocket, shared by all of its subscriptions (`batch`: see SocketWriter). */
export function socketWriter(
  socket: WebSocket,
  maxBufferedBytes: number,
  onTooSlow: () => void,
  batch = true,
): SocketWriter {
  let writer = writers.get(socket);
  if (!writer) writers.set(socket, (writer = new SocketWriter(socket, maxBufferedBytes, onTooSlow, batch)));
  return writer;
}

/**
 * Writes text frames to one socket, corked until the end of the current tick: one event reaches
 * a dashboard as two frames (doorEvents and compartmentUpdated), and a burst as many; corked,
 * they leave in one write system call instead of one each. A client that stops reading is
 * closed once `maxBufferedBytes` are queued for it, rather than buffered for without end.
 *
 * Without `batch` each frame leaves at once. Inside a promise continuation "the end of the
 * tick" is the end of every continuation queued behind it (Node runs `nextTick` callbacks only
 * once the microtask queue is empty): a lock's command published after a scan's commit would
 * wait for the scan's answer to be built and sent. A gateway's socket carries little else.
 */
export class SocketWriter {
  private corked = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly maxBufferedBytes: number,
    private readonly onTooSlow: () => void,
    private readonly batch = true,
  ) {}

  /** Writes one text message, given as its UTF-8 parts in order. */
  write(parts: readonly Buffer[]): void {
    const socket = this.socket;
    if (socket.readyState !== WebSocket.OPEN) return;
    if (socket.bufferedAmount > this.maxBufferedBytes) {
      this.onTooSlow();
      socket.close(TOO_SLOW_CLOSE.code, TOO_SLOW_CLOSE.reason);
      return;
    }
    const raw = this.batch ? this.cork() : rawSocketOf(socket);
    // Framed here when ws would write at once anyway: same bytes, same order, less work per frame.
    if (raw && senderWritesAtOnce(socket)) raw.write(textFrame(parts));
    else socket.send(Buffer.concat(parts), { binary: false });
  }

  /** Corks the TCP socket until the end of the tick (once per tick) and returns it. */
  private cork(): Duplex | null {
    // ws corks around each frame itself, so an outer cork on its TCP socket holds every frame
    // of this tick until the uncork below.
    const raw = rawSocketOf(this.socket);
    if (!raw || this.corked) return raw;
    raw.cork();
    this.corked = true;
    process.nextTick(() => {
      this.corked = false;
      raw.uncork();
    });
    return raw;
  }
}
