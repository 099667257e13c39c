#!/usr/bin/env node
/**
 * `lock-sim`: runs the relay-board simulator, or talks to a running one.
 *   lock-sim [serve] [--port 5020] [--http-port 5021] [--units 1,2] [--coils 12] [--inputs 12]
 *            [--auto-close-ms N] [--open-delay-ms N] [--host 127.0.0.1]
 *            [--rtu /dev/pts/N]   also answer Modbus RTU on a serial device (e.g. a socat pty)
 *            [--profile flash-ms|generic-coil|flash-100ms] [--nc-inputs]
 *   lock-sim reboot [downMs] [--keep-relays]   power-cycle every board
 *   lock-sim open|close|force|jam|unjam <unit> <input> [--url http://127.0.0.1:5021]
 *   lock-sim doors|pulses|drop|reset [--url ...]
 *   lock-sim faults '{"delayMs":200,"silentFunctions":[3],"refuseFunctions":[2]}' [--url ...]
 */
import { parseArgs } from 'node:util';
import { SimControlClient } from '../control-client.js';
import { startModbusRtuServer } from '../modbus-rtu-server.js';
import { simulatorOptionsFrom } from '../sim-config.js';
import { startSimulator } from '../simulator.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    'http-port': { type: 'string' },
    units: { type: 'string' },
    coils: { type: 'string' },
    inputs: { type: 'string' },
    'auto-close-ms': { type: 'string' },
    'open-delay-ms': { type: 'string' },
    url: { type: 'string' },
    rtu: { type: 'string' },
    profile: { type: 'string' },
    'nc-inputs': { type: 'boolean' },
    'keep-relays': { type: 'boolean' },
  },
});

const [command = 'serve', ...rest] = positionals;
const client = (): SimControlClient =>
  new SimControlClient(values.url ?? process.env.SIM_CONTROL_URL ?? 'http://127.0.0.1:5021');
const print = (value: unknown): void => console.log(JSON.stringify(value, null, 2));

async function main(): Promise<void> {
  switch (command) {
    case 'serve': {
      const options = simulatorOptionsFrom(process.env, values);
      const sim = await startSimulator(options);
      const rtuPath = values.rtu ?? process.env.SIM_RTU_PATH;
      const rtu = rtuPath ? startModbusRtuServer(sim.site, rtuPath) : null;
      console.log(
        JSON.stringify({
          msg: 'simulator ready',
          modbus: sim.endpoint,
          rtu: rtuPath,
          control: sim.control?.url,
          units: options.unitIds,
        }),
      );
      sim.site.on('pulseEnd', (p) =>
        console.log(
          JSON.stringify({
            msg: 'pulse',
            unit: p.unitId,
            coil: p.coil,
            via: p.via,
            ms: Math.round(p.durationMs ?? 0),
          }),
        ),
      );
      sim.site.on('door', (unit, input, open, cause) =>
        console.log(JSON.stringify({ msg: 'door', unit, input, open, cause })),
      );
      const stop = (): void => {
        rtu?.close();
        void sim.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'open':
    case 'close':
    case 'force':
    case 'jam':
    case 'unjam':
      print(await client().door(Number(rest[0]), Number(rest[1]), command));
      return;
    case 'doors':
      print(await client().doors());
      return;
    case 'pulses':
      print(await client().pulses(Number(rest[0] ?? 0)));
      return;
    case 'faults':
      print(await client().faults(JSON.parse(rest[0] ?? '{}') as object));
      return;
    case 'drop':
      print(await client().drop());
      return;
    case 'reboot':
      print(await client().reboot(Number(rest[0] ?? 1000), values['keep-relays'] === true));
      return;
    case 'reset':
      print(await client().reset());
      return;
    default:
      console.error(`unknown command ${command}`);
      process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
