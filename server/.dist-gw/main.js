import 'reflect-metadata';
import { loadConfig, ConfigError } from './config/config.js';
import { buildApp } from './app/app.js';
/** Starts the server; stops cleanly on SIGINT/SIGTERM. */
async function main() {
    let config;
    try {
        config = loadConfig();
    }
    catch (e) {
        if (e instanceof ConfigError) {
            console.error(e.message);
            process.exit(1);
        }
        throw e;
    }
    const app = await buildApp(config);
    const port = await app.listen();
    app.logger.info({ port, graphql: `http://localhost:${port}/graphql`, kiosk: `http://localhost:${port}/kiosk/`, admin: `http://localhost:${port}/admin/` }, 'server listening');
    let stopping = false;
    const stop = (signal) => {
        if (stopping)
            return;
        stopping = true;
        app.logger.info({ signal }, 'shutting down');
        app.close().then(() => process.exit(0), (e) => {
            app.logger.error({ err: e }, 'shutdown failed');
            process.exit(1);
        });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
}
void main();
//# sourceMappingURL=main.js.map