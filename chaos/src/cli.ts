/**
 * pnpm chaos [--size small|large] [--seconds N] [--travellers N] [--seed N] [--min-faults N]
 *            [--faults a,b|all|none]
 *            [--sabotage forget-deposits]
 *
 * Runs deposits and collections through kiosk, server, gateway and simulator while killing
 * processes and faulting links, then checks every session, door event, payment and pulse
 * against the simulator's logs. Exit 1 when anything was lost, doubled, missed or falsely
 * alerted; 2 on a bad flag; 3 when the run itself could not be carried out.
 */
import { parseArgs } from 'node:util';
import { FAULT_KINDS, parseFaultKinds } from './faults/plan.ts';
import { renderReport } from './report.ts';
import { runChaos, type RunOptions } from './run.ts';

const SIZES = {
  // the package's test in CI: about two minutes in all
  // (at least four faults, also on a machine slow enough that a minute holds fewer)
  small: { seconds: 60, travellers: 6, gapS: [2, 5] as [number, number], recoveryCapS: 20, minFaults: 4 },
  // on demand
  large: { seconds: 600, travellers: 8, gapS: [3, 10] as [number, number], recoveryCapS: 60, minFaults: 0 },
};

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    seconds: { type: 'string' },
    travellers: { type: 'string' },
    seed: { type: 'string' },
    'min-faults': { type: 'string' },
    faults: { type: 'string' },
    sabotage: { type: 'string', default: 'none' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  console.log(
    `pnpm chaos [--size small|large] [--seconds N] [--travellers N] [--seed N] [--min-faults N] [--faults ${FAULT_KINDS.join(',')}|all|none] [--sabotage forget-deposits]`,
  );
  process.exit(0);
}

let options: RunOptions;
try {
  const size = SIZES[values.size as keyof typeof SIZES];
  if (!size) throw new Error(`--size must be small or large`);
  const int = (raw: string | undefined, name: string, fallback: number): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
    return n;
  };
  if (!['none', 'forget-deposits'].includes(values.sabotage ?? 'none'))
    throw new Error('--sabotage must be none or forget-deposits');
  options = {
    seed: int(values.seed, 'seed', Math.floor(Math.random() * 2 ** 31)),
    seconds: int(values.seconds, 'seconds', size.seconds),
    travellers: int(values.travellers, 'travellers', size.travellers),
    faults: parseFaultKinds(values.faults),
    gapS: size.gapS,
    minFaults: int(values['min-faults'], 'min-faults', size.minFaults),
    recoveryCapS: size.recoveryCapS,
    pace: {
      doorWaitMs: 15_000,
      patienceMs: 60_000,
      lingerMs: 15_000,
      storeMs: [3000, 15_000],
      paidShare: 0.4,
    },
    sabotage: values.sabotage as RunOptions['sabotage'],
    log: (line) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`),
  };
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

try {
  options.log(
    `seed ${options.seed}: ${options.seconds} s, ${options.travellers} travellers, faults ${options.faults.join(', ') || 'none'}${options.sabotage !== 'none' ? `, sabotage ${options.sabotage}` : ''}`,
  );
  const { verdict, history } = await runChaos(options);
  console.log(`\n${renderReport(verdict, history, { seed: options.seed, seconds: options.seconds })}`);
  process.exit(verdict.ok ? 0 : 1);
} catch (error) {
  console.error(`chaos run could not be carried out: ${(error as Error).stack ?? String(error)}`);
  process.exit(3);
}
