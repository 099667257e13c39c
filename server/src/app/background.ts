import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../container/services.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../observability/logger.js';
import { DeadlineRunner } from '../flows/deadline-runner.js';
import { NotificationDispatcher } from '../modules/notifications/dispatcher.js';
import { loggingSender, smtpSender } from '../modules/notifications/senders.js';
import { httpSmsSender } from '../modules/notifications/sms-http.js';
import { WebhookDispatcher } from '../modules/webhooks/webhook-dispatcher.js';
import { QUEUES, type JobQueue } from '../jobs/job-queue.js';
import { relayOutboxes } from '../jobs/outbox-relay.js';
import { LOCKS } from '../db/advisory-lock.js';
import { Leadership } from './leadership.js';
import { PartitionMaintenance } from '../db/partitions.js';

/** Partition upkeep runs when an instance becomes leader, then hourly. */
const PARTITION_UPKEEP_MS = 3_600_000;

function workers(services: Services, em: EntityManager, clock: Clock, logger: Logger) {
  const { config, bus } = services.infra;
  const email = config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : loggingSender(logger, 'EMAIL');
  return {
    deadlines: new DeadlineRunner(em, bus, clock, logger),
    notifications: new NotificationDispatcher(
      em,
      { EMAIL: email, SMS: config.sms ? httpSmsSender(config.sms) : loggingSender(logger, 'SMS') },
      clock,
      logger,
    ),
    webhooks: new WebhookDispatcher(
      em,
      services.webhookSecrets,
      clock,
      logger,
      config.delivery.webhookTimeoutMs,
      config.webhookAllowPrivate,
    ),
  };
}

/**
 * Every `intervalMs`, on the timer leader only (one instance of the fleet, by advisory lock):
 * the clock-driven rules, unacknowledged gateway commands published again, then the outbox relay (new messages and webhook deliveries to the
 * job queue). Every instance runs queue workers, which deliver as soon as a job is queued.
 * The rules claim rows with SKIP LOCKED, so a leader change mid-pass fires nothing twice.
 */
export async function startBackgroundWork(
  services: Services,
  em: EntityManager,
  clock: Clock,
  logger: Logger,
  intervalMs: number,
  queue: JobQueue,
  databaseUrl: string,
) {
  const w = workers(services, em, clock, logger);
  const { metrics } = services.infra;
  await queue.work(QUEUES.notification, (id, attempt) => w.notifications.deliver(id, attempt));
  await queue.work(QUEUES.webhook, (id, attempt) => w.webhooks.deliver(id, attempt));
  const leadership = new Leadership(databaseUrl, LOCKS.timers, logger, 2000, (leader) =>
    metrics.timerLeader.set(leader ? 1 : 0),
  );
  await leadership.start();
  const partitions = new PartitionMaintenance(em.fork(), services.infra.config.retentionDays, logger);
  let upkeepDueAt = 0;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let dueAt = Date.now() + intervalMs;
  const loop = () => {
    if (stopped) return;
    running = (async () => {
      if (!leadership.isLeader) {
        upkeepDueAt = 0; // a new leader does the upkeep at once
        return;
      }
      // how late this pass starts against its schedule: a busy event loop or a slow last pass
      metrics.timerLag.observe(Math.max(0, Date.now() - dueAt) / 1000);
      try {
        await w.deadlines.runOnce();
        await services.gatewayCommands.resendUnacknowledged(clock.now());
        await services.payments.sendPendingRefunds();
        await relayOutboxes(em, queue, clock.now());
      } catch (e) {
        logger.error({ err: e }, 'background pass failed');
      }
      if (Date.now() >= upkeepDueAt) {
        try {
          await partitions.runOnce(clock.now());
          upkeepDueAt = Date.now() + PARTITION_UPKEEP_MS;
        } catch (e) {
          upkeepDueAt = Date.now() + 60_000;
          logger.error({ err: e }, 'partition upkeep failed');
        }
      }
    })();
    void running.then(() => {
      dueAt = Date.now() + intervalMs;
      if (!stopped) timer = setTimeout(loop, intervalMs);
    });
  };
  timer = setTimeout(loop, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await leadership.stop();
    },
  };
}

/** One pass, for tests that move a manual clock: the rules, the resends, the relay, and every due delivery. */
startBackgroundWork.once = async (
  services: Services,
  em: EntityManager,
  clock: Clock,
  logger: Logger,
  queue: JobQueue,
) => {
  const w = workers(services, em, clock, logger);
  await w.deadlines.runOnce();
  await services.gatewayCommands.resendUnacknowledged(clock.now());
  await services.payments.sendPendingRefunds();
  await relayOutboxes(em, queue, clock.now());
  await queue.drain(QUEUES.notification, (id, attempt) => w.notifications.deliver(id, attempt));
  await queue.drain(QUEUES.webhook, (id, attempt) => w.webhooks.deliver(id, attempt));
};
