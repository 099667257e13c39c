/**
 * A driver hook preloaded into the server (`node --import`): with BENCH_SQL_CAPTURE=<file>,
 * every query the ORM's `pg` driver sends while recording is on is appended to the file as
 * one JSON line (wall time, connection, text, parameters). SIGUSR2 switches recording on and
 * off, so the timed part of a benchmark runs without it. Nothing in the server changes.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One captured query. */
export interface CapturedQuery {
  /** Wall-clock ms (performance.timeOrigin + now, comparable across processes). */
  t: number;
  /** Which client connection sent it (a number per connection of this process). */
  c: number;
  text: string;
  values: unknown[];
  /** A named (prepared) statement's name. */
  name?: string;
}

const file = process.env.BENCH_SQL_CAPTURE;
if (file) {
  // the `pg` the ORM loads, resolved from the server package (the process's working directory)
  const fromServer = createRequire(path.join(process.cwd(), 'package.json'));
  const fromOrm = createRequire(fromServer.resolve('@mikro-orm/postgresql'));
  const pg = fromOrm('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
  const fd = fs.openSync(file, 'a');
  const ids = new WeakMap<object, number>();
  let connections = 0;
  let recording = false;
  process.on('SIGUSR2', () => {
    recording = !recording;
  });
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: object, ...args: unknown[]) {
    if (recording) {
      const first = args[0] as string | { text?: string; values?: unknown[]; name?: string } | undefined;
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      const values = Array.isArray(args[1])
        ? (args[1] as unknown[])
        : typeof first === 'object'
          ? (first.values ?? [])
          : [];
      let c = ids.get(this);
      if (c === undefined) ids.set(this, (c = ++connections));
      const name = typeof first === 'object' ? first.name : undefined;
      const line: CapturedQuery = { t: performance.timeOrigin + performance.now(), c, text, values, name };
      fs.writeSync(fd, `${JSON.stringify(line)}\n`);
    }
    return original.apply(this, args);
  };
}
