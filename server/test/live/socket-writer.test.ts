import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { socketWriter, TOO_SLOW_CLOSE } from '../../src/graphql/live/socket-writer.js';
import { rawSocketOf } from '../../src/graphql/live/ws-internals.js';
import { closeWsPairs, wsPair as pair } from '../support/ws-pair.js';

afterEach(closeWsPairs);

describe('socket writer', () => {
  test('frames written in one tick arrive whole and in order', async () => {
    const { server, client } = await pair();
    const got: string[] = [];
    client.on('message', (m: Buffer) => got.push(m.toString()));
    const writer = socketWriter(server, 1024 * 1024, () => {});
    for (let i = 0; i < 500; i++) writer.write([Buffer.from(JSON.stringify({ i, pad: 'x'.repeat(i) }))]);
    await new Promise<void>((resolve) => {
      const check = () => (got.length === 500 ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(got.map((m) => (JSON.parse(m) as { i: number }).i)).toEqual(
      Array.from({ length: 500 }, (_, i) => i),
    );
  });

  test('a message given in parts arrives as one text message, also where ws frames it itself (compression)', async () => {
    for (const compressed of [false, true]) {
      const { server, client } = await pair(compressed);
      const got: Array<{ text: string; binary: boolean }> = [];
      client.on('message', (m: Buffer, binary: boolean) => got.push({ text: m.toString(), binary }));
      const writer = socketWriter(server, 1024 * 1024, () => {});
      writer.write([Buffer.from('{"id":"1","payload":'), Buffer.from('{"é":1}'), Buffer.from('}')]);
      await new Promise<void>((resolve) => {
        const check = () => (got.length === 1 ? resolve() : setTimeout(check, 10));
        check();
      });
      expect(got).toEqual([{ text: '{"id":"1","payload":{"é":1}}', binary: false }]);
    }
  });

  test('a client that stops reading is closed with 1013 once the limit is queued, not buffered for without end', async () => {
    const { server, client } = await pair();
    const raw = rawSocketOf(client)!;
    raw.pause(); // the client stops reading: the kernel's buffers fill, then the server's
    let tooSlow = 0;
    const limit = 64 * 1024;
    const writer = socketWriter(server, limit, () => void tooSlow++);
    const frame = [Buffer.from('y'.repeat(16 * 1024))];
    for (let i = 0; i < 2000 && server.readyState === WebSocket.OPEN; i++) {
      writer.write(frame);
      if (i % 50 === 49) await new Promise((r) => setImmediate(r)); // let the kernel take what it can
    }
    expect(tooSlow).toBe(1);
    expect(server.bufferedAmount).toBeLessThan(limit + 2 * frame[0]!.length);
    const closed = new Promise<{ code: number; reason: string }>((r) =>
      client.once('close', (code, reason) => r({ code, reason: reason.toString() })),
    );
    raw.resume();
    expect(await closed).toEqual({ code: TOO_SLOW_CLOSE.code, reason: TOO_SLOW_CLOSE.reason });
  });
});

describe('socket writer without batching (a gateway)', () => {
  test('a frame written inside a promise continuation leaves at once, not after the continuations queued behind it', async () => {
    for (const batch of [true, false]) {
      const { server, client } = await pair();
      const got: string[] = [];
      client.on('message', (m: Buffer) => got.push(m.toString()));
      const writer = socketWriter(server, 1024 * 1024, () => {}, batch);
      const raw = rawSocketOf(server)!;
      // as after a scan's commit: the command is written, then the scan's answer is built
      const pendingAfterWrite = await Promise.resolve().then(() => {
        writer.write([Buffer.from('{"command":1}')]);
        return raw.writableCorked + raw.writableLength;
      });
      expect(pendingAfterWrite === 0).toBe(!batch);
      await new Promise<void>((resolve) => {
        const check = () => (got.length === 1 ? resolve() : setTimeout(check, 10));
        check();
      });
      expect(got).toEqual(['{"command":1}']);
    }
  });
});
