/**
 * The board-profile contract against our simulator and against a Modbus server we did not
 * write (modbus-serial's ServerTCP, and ServerSerial over a socat pty for RTU), each wired
 * as the profile's board.
 */
import { GENERIC_COIL_BOARD, type BoardProfile } from '../src/boards/board-profile.js';
import { startSimulator } from '../src/simulator/simulator.js';
import { boardProfileContract, type ProfileHarness } from './board-profile.contract.js';
import { rtuSkipReason } from './support/rtu-harness.js';
import { thirdPartyRtu, thirdPartyTcp, type ThirdPartyOptions } from './support/third-party-board.js';
import { describe } from 'vitest';

const NC: BoardProfile = {
  ...GENERIC_COIL_BOARD,
  name: 'generic-coil-nc',
  doors: { ...GENERIC_COIL_BOARD.doors, openWhen: 'low' },
};
const INPUT_REGISTERS: BoardProfile = {
  ...GENERIC_COIL_BOARD,
  name: 'input-registers',
  doors: { ...GENERIC_COIL_BOARD.doors, source: 'input-registers' },
};
const FLASH_100MS: BoardProfile = {
  ...GENERIC_COIL_BOARD,
  name: 'flash-100ms',
  pulse: { kind: 'timed', function: 6, address: 0x200, unitMs: 100, valueBase: 0, maxUnits: 0xffff },
};

const cases: Array<{ name: string; profile: BoardProfile; wiring: Omit<ThirdPartyOptions, 'unitId'> }> = [
  { name: 'generic coil board, NO sensors', profile: GENERIC_COIL_BOARD, wiring: {} },
  { name: 'generic coil board, NC sensors', profile: NC, wiring: { ncInputs: true } },
  { name: 'doors on input registers', profile: INPUT_REGISTERS, wiring: { inputRegisters: true } },
  {
    name: 'board-timed flash in 100 ms units',
    profile: FLASH_100MS,
    wiring: { flashAddress: 0x200, flashUnitMs: 100 },
  },
];

function fromThirdParty(
  make: typeof thirdPartyTcp,
  wiring: Omit<ThirdPartyOptions, 'unitId'>,
): () => Promise<ProfileHarness> {
  return async () => {
    const b = await make({ unitId: 1, ...wiring });
    return {
      endpoint: b.endpoint,
      site: b.site,
      unitId: 1,
      refuse: (fcs) => (b.faults.refuse = fcs),
      close: () => b.close(),
    };
  };
}

for (const c of cases) {
  boardProfileContract(
    `${c.name} on modbus-serial ServerTCP`,
    c.profile,
    fromThirdParty(thirdPartyTcp, c.wiring),
  );
  boardProfileContract(`${c.name} on our simulator (TCP)`, c.profile, async () => {
    const sim = await startSimulator({
      modbusPort: 0,
      httpPort: null,
      openDelayMs: 50,
      pulseRegisterBase: c.wiring.flashAddress ?? null,
      pulseUnitMs: c.wiring.flashUnitMs ?? 1,
      ncInputs: c.wiring.ncInputs ?? false,
    });
    return {
      endpoint: sim.endpoint,
      site: sim.site,
      unitId: 1,
      refuse: (fcs) => sim.site.setFaults({ refuseFunctions: fcs }),
      close: () => sim.stop(),
    };
  });
}

const skip = rtuSkipReason();
if (skip && process.env.CI) throw new Error(`Modbus RTU tests cannot run in CI: ${skip}`);
describe.skipIf(skip !== null)(`over RTU${skip ? ` (skipped: ${skip})` : ''}`, () => {
  for (const c of cases)
    boardProfileContract(
      `${c.name} on modbus-serial ServerSerial (socat pty)`,
      c.profile,
      fromThirdParty(thirdPartyRtu, c.wiring),
    );
});
