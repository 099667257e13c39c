import { DeadlineRunner } from '../modules/timers/deadline-runner.js';
import { NotificationDispatcher } from '../modules/notifications/dispatcher.js';
import { loggingSender, smtpSender } from '../modules/notifications/senders.js';
function workers(services, em, clock, logger) {
    const { config, bus } = services.infra;
    const email = config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : loggingSender(logger, 'EMAIL');
    return {
        deadlines: new DeadlineRunner(em, bus, clock, logger),
        outbox: new NotificationDispatcher(em, { EMAIL: email, SMS: loggingSender(logger, 'SMS') }, clock, logger),
    };
}
/** The clock-driven rules and the outbox, every `intervalMs`, until stopped. */
export function startBackgroundWork(services, em, clock, logger, intervalMs) {
    const w = workers(services, em, clock, logger);
    let stopped = false;
    let running = Promise.resolve();
    let timer;
    const loop = () => {
        if (stopped)
            return;
        running = (async () => {
            try {
                await w.deadlines.runOnce();
                await w.outbox.runOnce();
            }
            catch (e) {
                logger.error({ err: e }, 'background pass failed');
            }
        })();
        void running.then(() => {
            if (!stopped)
                timer = setTimeout(loop, intervalMs);
        });
    };
    timer = setTimeout(loop, intervalMs);
    return {
        async stop() {
            stopped = true;
            clearTimeout(timer);
            await running;
        },
    };
}
/** One pass, for tests that move a manual clock. */
startBackgroundWork.once = async (services, em, clock, logger) => {
    const w = workers(services, em, clock, logger);
    await w.deadlines.runOnce();
    await w.outbox.runOnce();
};
//# sourceMappingURL=background.js.map