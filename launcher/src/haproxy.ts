/**
 * HAProxy as a child process with the shipped configuration (deploy/haproxy/haproxy.cfg),
 * its addresses given by environment as in compose: the fleet test runs the same file.
 */
import { startChild, type Child, type OutputSink } from './child.js';

export async function startHaproxy(
  opts: { binary: string; configFile: string },
  port: number,
  servers: string[],
  output: OutputSink,
): Promise<Child> {
  if (servers.length !== 2) throw new Error('the shipped HAProxy configuration has two server slots');
  const child = startChild('haproxy', opts.binary, ['-db', '-f', opts.configFile], {
    cwd: '/',
    env: {
      LB_BIND: `127.0.0.1:${port}`,
      SERVER_1: new URL(servers[0]!).host,
      SERVER_2: new URL(servers[1]!).host,
    },
    output,
  });
  // ready once both health checks passed (rise 2, inter 1 s)
  const started = Date.now();
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() - started > 15_000) throw new Error('HAProxy did not pass traffic within 15 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 2500));
  return child;
}
