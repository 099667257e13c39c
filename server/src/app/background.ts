import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from './services.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../observability/logger.js';
import { DeadlineRunner } from '../modules/timers/deadline-runner.js';
import { NotificationDispatcher } from '../modules/notifications/dispatcher.js';
import { loggingSender, smtpSender } from '../modules/notifications/senders.js';
import { WebhookDispatcher } from '../modules/webhooks/webhook-dispatcher.js';
import { QUEUES, type JobQueue } from '../jobs/job-queue.js';
import { relayOutboxes } from '../jobs/outbox-relay.js';

function workers(services: Services, em: EntityManager, clock: Clock, logger: Logger) {
  const { config, bus } = services.infra;
  const email = config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : loggingSender(logger, 'EMAIL');
  return {
    deadlines: new DeadlineRunner(em, bus, clock, logger),
    notifications: new NotificationDispatcher(em, { EMAIL: email, SMS: loggingSender(logger, 'SMS') }, clock, logger),
    webhooks: new WebhookDispatcher(em, services.webhookSecrets, clock, logger, config.delivery.webhookTimeoutMs),
  };
}

/**
 * Every `intervalMs`: the clock-driven rules, then the outbox relay (new messages and webhook
 * deliveries to the job queue). The queue's workers deliver them as soon as they are queued.
 */
export async function startBackgroundWork(services: Services, em: EntityManager, clock: Clock, logger: Logger, intervalMs: number, queue: JobQueue) {
  const w = workers(services, em, clock, logger);
  await queue.work(QUEUES.notification, (id, attempt) => w.notifications.deliver(id, attempt));
  await queue.work(QUEUES.webhook, (id, attempt) => w.webhooks.deliver(id, attempt));
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    if (stopped) return;
    running = (async () => {
      try {
        await w.deadlines.runOnce();
        await services.payments.sendPendingRefunds();
        await relayOutboxes(em, queue, clock.now());
      } catch (e) {
        logger.error({ err: e }, 'background pass failed');
      }
    })();
    void running.then(() => {
      if (!stopped) timer = setTimeout(loop, intervalMs);
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

/** One pass, for tests that move a manual clock: the rules, the relay, and every due delivery. */
startBackgroundWork.once = async (services: Services, em: EntityManager, clock: Clock, logger: Logger, queue: JobQueue) => {
  const w = workers(services, em, clock, logger);
  await w.deadlines.runOnce();
  await services.payments.sendPendingRefunds();
  await relayOutboxes(em, queue, clock.now());
  await queue.drain(QUEUES.notification, (id, attempt) => w.notifications.deliver(id, attempt));
  await queue.drain(QUEUES.webhook, (id, attempt) => w.webhooks.deliver(id, attempt));
};
