/** The executed-commands journal: survives reopening, torn last lines, growth past its first chunk. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CommandStore } from '../src/commands/command-store.js';
import { tempStateDir } from './support/fixtures.js';

const future = (): string => new Date(Date.now() + 60_000).toISOString();

it('remembers begun and finished ids across reopening', () => {
  const dir = tempStateDir();
  const a = CommandStore.open(dir);
  a.begin('c1', future());
  a.begin('c2', future());
  a.finish('c2', future(), 'SUCCEEDED', null);
  a.close();
  const b = CommandStore.open(dir);
  expect(b.get('c1')?.phase).toBe('begun');
  expect(b.get('c2')).toMatchObject({ phase: 'done', result: 'SUCCEEDED' });
  expect(b.get('c3')).toBeUndefined();
  b.close();
});

it('keeps what came before a torn line, and grows past its first chunk', () => {
  const dir = tempStateDir();
  const a = CommandStore.open(dir);
  const many = 12_000; // ~1.5 MB of lines: more than one chunk
  for (let i = 0; i < many; i++) a.finish(`id-${i}`, future(), 'FAILED', 'x');
  a.begin('last', future());
  a.close();
  // a crash mid-write: half a line after the last complete one
  const file = path.join(dir, 'executed-commands.jsonl');
  const raw = fs.readFileSync(file);
  const end = raw.indexOf(0);
  fs.writeFileSync(file, Buffer.concat([raw.subarray(0, end), Buffer.from('{"t":"begin","id":"tor')]));
  const b = CommandStore.open(dir);
  expect(b.get('id-0')?.phase).toBe('done');
  expect(b.get(`id-${many - 1}`)?.phase).toBe('done');
  expect(b.get('last')?.phase).toBe('begun');
  b.close();
});

it('forgets ids long past their expiry when it compacts', () => {
  const dir = tempStateDir();
  const a = CommandStore.open(dir);
  a.finish('old', new Date(Date.now() - 8 * 24 * 3600_000).toISOString(), 'SUCCEEDED', null);
  a.finish('recent', new Date(Date.now() - 3600_000).toISOString(), 'SUCCEEDED', null);
  a.close();
  const b = CommandStore.open(dir);
  expect(b.get('old')).toBeUndefined();
  expect(b.get('recent')?.phase).toBe('done');
  b.close();
});

it('refuses to pulse when the journal cannot be written', async () => {
  const { startSimulator } = await import('../src/simulator/simulator.js');
  const { executorRig } = await import('./support/executor-rig.js');
  const { unlockCommand } = await import('./support/fixtures.js');
  const sim = await startSimulator({ modbusPort: 0, httpPort: null });
  const rig = executorRig(sim.endpoint);
  try {
    await rig.pool.get(sim.endpoint).waitConnected(Date.now() + 2000);
    // the disk "fails": the journal's file descriptor is gone
    const store = (rig.executor as unknown as { options: { store: CommandStore } }).options.store;
    store.close();
    const outcome = await rig.executor.handle(unlockCommand(sim.endpoint, 1, 0));
    expect(outcome.result).toBe('FAILED');
    expect(outcome.error).toMatch(/durably/);
    expect(sim.site.pulses).toHaveLength(0);
  } finally {
    await rig.executor.drain();
    await rig.pool.close();
    await sim.stop();
  }
});
