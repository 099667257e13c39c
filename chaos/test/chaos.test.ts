/**
 * The suite against the real processes. First a deliberately broken system (a server that
 * forgets deposits: sessions put back behind its back), no other fault: the checker must
 * count exactly those sessions lost, and nothing else. Then the CI size of the real thing:
 * every fault kind for a minute (so two server instances behind HAProxy, one of them killed at
 * some point), and nothing may be lost, doubled, missed or falsely alerted.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const chaosDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function chaos(args: string[]): Promise<{ code: number | null; output: string; result: any }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['src/cli.ts', ...args],
      { cwd: chaosDir, maxBuffer: 32 * 2 ** 20 },
      (error, stdout, stderr) => {
        const file = path.join(chaosDir, 'results/latest.json');
        const result = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
        resolve({
          code: error ? ((error as { code?: number }).code ?? 1) : 0,
          output: stdout + stderr,
          result,
        });
      },
    );
  });
}

test('a server that forgets deposits fails the run, with exactly the forgotten sessions lost', async () => {
  const { code, output, result } = await chaos([
    '--seconds',
    '30',
    '--faults',
    'none',
    '--sabotage',
    'forget-deposits',
    '--seed',
    '5',
  ]);
  const forgotten = [...output.matchAll(/sabotage: session (\S+) forgotten/g)].map((m) => m[1] ?? '');
  expect(forgotten.length, output).toBeGreaterThan(0);
  expect(code, output).toBe(1);
  const lost: string[] = result.verdict.sessions.lost.map((f: { sessionId: string }) => f.sessionId);
  // Only forgotten sessions are lost, and at least one of them.
  expect(lost.length, output).toBeGreaterThan(0);
  expect(lost.filter((id) => !forgotten.includes(id))).toEqual([]);
  // A forgotten session that is not lost was put right by its own traveller's collect scan (the
  // server, knowing no bag, unlocked the same free compartment for a deposit and the traveller
  // closed it again): the traveller saw the wrong answer, and the history records it.
  const noticed = new Set((result.history.anomalies as { sessionId: string }[]).map((a) => a.sessionId));
  for (const id of forgotten.filter((f) => !lost.includes(f))) expect(noticed.has(id), id).toBe(true);
  // nothing else is held against it (alerts are the system's own, judged by the CI-size run)
  expect(result.verdict.figures).toMatchObject({
    pulsesDoubled: 0,
    pulsesMissed: 0,
    doorEventsContradicted: 0,
    paymentsWrong: 0,
    unobservable: 0,
  });
});

test('CI size: every fault kind for a minute, nothing lost, doubled, missed or falsely alerted', async () => {
  // seed 3 draws a whole-server kill and a kill of one of the two instances behind HAProxy
  const seed = process.env.CHAOS_SEED ?? '3';
  const { code, output, result } = await chaos(['--size', 'small', '--seed', seed]);
  expect(result?.verdict.figures.faults, output).toBeGreaterThan(3);
  if (seed === '3')
    expect(
      (result.history.faults as { kind: string }[]).map((f) => f.kind),
      output,
    ).toContain('instance-kill');
  expect(result.verdict.figures.deposits, output).toBeGreaterThan(5);
  expect(code, output.slice(-6000)).toBe(0);
});
