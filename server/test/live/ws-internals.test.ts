/**
 * The live delivery's reliance on ws and graphql-ws internals (src/graphql/live/ws-internals.ts),
 * checked against the installed libraries. A version change fails the first test on purpose:
 * check the details below against the new version, then move CHECKED_VERSIONS.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseMessage, MessageType } from 'graphql-ws';
import {
  CHECKED_VERSIONS,
  nextMessagePrefix,
  rawSocketOf,
  senderWritesAtOnce,
  textFrame,
} from '../../src/graphql/live/ws-internals.js';
import { closeWsPairs, wsPair as pair } from '../support/ws-pair.js';

const require = createRequire(import.meta.url);

/** The version of `name` the server resolves, read from its own package.json. */
function installedVersion(name: string): string {
  // graphql-ws's exports do not include package.json: find it from its entry point
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version: string;
      };
      if (pkg.name === name) return pkg.version;
    } catch {
      // not this folder
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json for ${name}`);
    dir = up;
  }
}

afterEach(closeWsPairs);

describe('ws and graphql-ws internals the live delivery relies on', () => {
  test('the installed versions are the ones the details were checked against', () => {
    expect({ ws: installedVersion('ws'), 'graphql-ws': installedVersion('graphql-ws') }).toEqual(
      CHECKED_VERSIONS,
    );
  });

  test('ws keeps the TCP socket in its private `_socket` field, on both ends', async () => {
    const { server, client } = await pair();
    for (const socket of [server, client]) {
      expect(Object.hasOwn(socket, '_socket')).toBe(true);
      const raw = rawSocketOf(socket);
      expect(raw).not.toBeNull();
      expect(typeof raw!.cork).toBe('function');
      expect(typeof raw!.uncork).toBe('function');
    }
    client.close();
  });

  test('a next message written by hand is one graphql-ws parses', () => {
    const text = `${nextMessagePrefix('sub "1"')}${JSON.stringify({ data: { doorEvents: { open: true } } })}}`;
    expect(parseMessage(text)).toEqual({
      id: 'sub "1"',
      type: MessageType.Next,
      payload: { data: { doorEvents: { open: true } } },
    });
  });

  test("frames made by hand, written beside ws's own, arrive whole and in order, at every length", async () => {
    const { server, client } = await pair();
    const got: string[] = [];
    client.on('message', (m: Buffer, binary: boolean) => got.push(binary ? 'binary!' : m.toString()));
    const texts = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000].map(
      (n, i) => `${i}:${'é'.repeat(Math.floor(n / 4))}${'x'.repeat(n - 2 * Math.floor(n / 4))}`,
    );
    const raw = rawSocketOf(server)!;
    expect(senderWritesAtOnce(server)).toBe(true);
    // by hand in parts (cut anywhere, an empty one too), as a shared result is written
    const parts = (text: string) => {
      const bytes = Buffer.from(text);
      const cut = Math.floor(bytes.length / 3);
      return [bytes.subarray(0, cut), Buffer.alloc(0), bytes.subarray(cut)];
    };
    texts.forEach((text, i) => (i % 2 ? server.send(text) : raw.write(textFrame(parts(text)))));
    await new Promise<void>((resolve) => {
      const check = () => (got.length === texts.length ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(got).toEqual(texts);
    client.close();
  });

  test('with compression negotiated, ws must frame every message itself', async () => {
    const { server, client } = await pair(true);
    expect(senderWritesAtOnce(server)).toBe(false);
    client.close();
  });
});
