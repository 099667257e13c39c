/**
 * Child processes of a launcher (start-all, e2e harness, benchmark, system tests): output
 * prefixed to a sink, readiness by probing, stop by SIGTERM then SIGKILL, by pid only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Where a child's output goes: a log file, the console with a prefix, or nowhere. */
export type OutputSink = { file: string } | { console: string } | 'ignore';

/** A running child. */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves with the exit code when the child exits. */
  readonly exited: Promise<number | null>;
  stop(graceMs?: number): Promise<void>;
}

/** Starts `node <args>` (or another command) with `env` added to this process's env. */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined>; output: OutputSink },
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeOutput(child, options.output);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    process: child,
    exited,
    async stop(graceMs = 8000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function pipeOutput(child: ChildProcess, sink: OutputSink): void {
  if (sink === 'ignore') {
    child.stdout?.resume();
    child.stderr?.resume();
    return;
  }
  if ('file' in sink) {
    fs.mkdirSync(path.dirname(sink.file), { recursive: true });
    const out = fs.createWriteStream(sink.file, { flags: 'a' });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    return;
  }
  const prefix = sink.console;
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) process.stdout.write(`${prefix} ${line}\n`);
    });
  }
}

/** Polls `url` until it answers 2xx, the child exits, or `timeoutMs` passes. */
export async function waitForHttp(url: string, child: Child | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child?.exited.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${child?.name} exited before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Runs a command to completion; resolves with stdout, rejects with stderr on failure. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(
            new Error(
              `${command} ${args.join(' ')} failed (${code}): ${err.slice(-2000) || out.slice(-2000)}`,
            ),
          ),
    );
  });
}
