import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from './config/config.js';
import { buildApp } from './app/app.js';
import { seedDemo, writeCredentials } from './app/seed-demo.js';
import { createLogger } from './observability/logger.js';

const USAGE = `usage: node dist/cli.js <command> [options]
  create-admin --email <e> --password <p>   create an ADMIN (or keep an existing account)
  seed-demo [--out file.json] [--endpoint tcp://host:port]
                                            create the demo site, banks, tariffs, kiosk and gateway;
                                            prints the device tokens (shown once) as JSON
  migrate                                   apply pending migrations and exit`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      out: { type: 'string' },
      endpoint: { type: 'string' },
    },
  });
  if (!command || !['create-admin', 'seed-demo', 'migrate'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig(process.env, { seedDemo: false });
  const logger = createLogger(config.logLevel);
  const app = await buildApp(config, {
    background: false,
    logger,
    migrate: command === 'migrate' ? true : undefined,
  });
  try {
    if (command === 'create-admin') {
      if (!values.email || !values.password) {
        console.error(USAGE);
        return 2;
      }
      const result = await app.services.users.ensureAdmin(values.email, values.password);
      console.log(JSON.stringify({ email: values.email, result }));
    } else if (command === 'seed-demo') {
      const creds = await seedDemo(
        app.services,
        config,
        app.logger,
        values.endpoint ?? process.env.SIM_MODBUS_ENDPOINT ?? undefined,
      );
      if (!creds) {
        console.error('The database already has sites; the demo seed only runs on an empty database.');
        return 1;
      }
      if (values.out) writeCredentials(values.out, creds);
      console.log(JSON.stringify(creds, null, 2));
    } else {
      // buildApp applied the pending migrations under the startup lock
      logger.info({ pending: (await app.orm.migrator.getPending()).length }, 'database migrated');
    }
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    // one JSON line, like the server's: a migration Job's log is read by the same collector
    const logger = createLogger('info');
    if (e instanceof ConfigError) logger.fatal({ problems: e.problems }, 'invalid configuration');
    else logger.fatal({ err: e }, 'command failed');
    process.exit(1);
  },
);
