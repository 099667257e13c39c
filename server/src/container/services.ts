import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../shared/clock.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { RateLimits } from '../security/rate-limits.js';
import { Authenticator } from '../auth/authenticate.js';
import { UserTokens } from '../auth/user-tokens.js';
import { SiteHelpService } from '../modules/sites/site-help.service.js';
import { SiteService } from '../modules/sites/site.service.js';
import { TariffService } from '../modules/tariffs/tariff.service.js';
import { BankService } from '../modules/compartments/bank.service.js';
import { CompartmentService } from '../modules/compartments/compartment.service.js';
import { DeviceService } from '../modules/devices/device.service.js';
import { ApiKeyService } from '../modules/api-keys/api-key.service.js';
import { Revocations } from '../auth/revocations.js';
import { KIOSK_SEEN_WRITE_MS, KioskSightings } from '../auth/kiosk-sightings.js';
import { UserLifecycleService } from '../modules/users/user-lifecycle.service.js';
import { DeviceTokenService } from '../modules/devices/device-token.service.js';
import { RetirementService } from '../modules/compartments/retirement.service.js';
import { EquipmentEditService } from '../modules/compartments/equipment-edit.service.js';
import { UserService } from '../modules/users/user.service.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { SessionService } from '../modules/sessions/session.service.js';
import { ScanService } from '../flows/scan.service.js';
import { SizeChangeService } from '../flows/size-change.js';
import { AbandonmentService } from '../modules/sessions/abandonment.js';
import { CodeSending } from '../modules/sessions/code-sending.js';
import { SessionSearch } from '../modules/sessions/session-search.js';
import { DoorReportService } from '../flows/door-report.service.js';
import { DoorEventService } from '../modules/door-events/door-event.service.js';
import { GatewayCommandService } from '../modules/gateway-commands/gateway-command.service.js';
import { AlertService } from '../modules/alerts/alert.service.js';
import { RecoveryService } from '../modules/recovery/recovery.service.js';
import { FeedbackService } from '../modules/feedback/feedback.service.js';
import { PaymentService } from '../flows/payment.service.js';
import { demoProvider, type PaymentProvider } from '../modules/payments/payment-provider.js';
import { stripeProvider } from '../modules/payments/stripe-provider.js';
import { ReportService } from '../modules/reports/report.service.js';
import { InsightService } from '../modules/reports/insight.service.js';
import { WebhookService } from '../modules/webhooks/webhook.service.js';
import { failUnlock, requestUnlock } from '../flows/unlock.js';
import { WebhookSecrets } from '../modules/webhooks/webhook-secret.js';
import { SiteReplicaService } from '../modules/site-replica/site-replica.service.js';
import { OfflineReplayService } from '../flows/offline-replay.js';

export interface Infrastructure {
  em: EntityManager;
  bus: EventBus;
  clock: Clock;
  config: Config;
  logger: Logger;
  metrics: Metrics;
  limits: RateLimits;
  authSecret: string;
}

/** Every domain service, wired once per app; resolvers reach them through the context. */
export function createServices(infra: Infrastructure) {
  const { em, bus, clock, limits, metrics, authSecret } = infra;
  const userTokens = new UserTokens(authSecret, infra.config.tokenTtlSeconds);
  const kioskSightings = new KioskSightings(
    em,
    KIOSK_SEEN_WRITE_MS,
    (e) => infra.logger.warn({ err: e }, 'kiosk last-seen write failed'),
    () => clock.now().getTime(),
  );
  const authenticator = new Authenticator(em, userTokens, kioskSightings);
  const revocations = new Revocations(bus, () => authenticator.invalidate());
  revocations.listen(() => authenticator.invalidate()); // on every instance, not only the revoking one
  const sessions = new SessionService(em, bus, clock);
  const scans = new ScanService(em, bus, clock, limits, metrics);
  const webhookSecrets = new WebhookSecrets(authSecret);
  return {
    infra,
    authenticator,
    revocations,
    users: new UserService(em, userTokens),
    userLifecycle: new UserLifecycleService(em, revocations),
    audit: new AuditService(em),
    deviceTokens: new DeviceTokenService(em, revocations),
    retirement: new RetirementService(em, bus, clock),
    equipmentEdits: new EquipmentEditService(em, bus),
    sites: new SiteService(em, bus),
    siteHelp: new SiteHelpService(em, bus),
    tariffs: new TariffService(em, bus),
    banks: new BankService(em, bus),
    compartments: new CompartmentService(em, bus, clock, requestUnlock),
    devices: new DeviceService(em),
    apiKeys: new ApiKeyService(em, authenticator, revocations),
    sessions,
    codeSending: new CodeSending(sessions),
    sessionSearch: new SessionSearch(em, clock),
    abandonment: new AbandonmentService(em, bus, clock),
    scans,
    sizeChanges: new SizeChangeService(em, bus, clock, scans),
    doorReports: new DoorReportService(em, bus, clock),
    doorEvents: new DoorEventService(em),
    gatewayCommands: new GatewayCommandService(em, bus, clock, failUnlock),
    siteReplica: new SiteReplicaService(em, clock),
    offlineReplay: new OfflineReplayService(em, bus, clock, new DoorReportService(em, bus, clock)),
    alerts: new AlertService(em, bus, clock),
    recovery: new RecoveryService(em, sessions, clock, authSecret),
    feedback: new FeedbackService(em, clock),
    payments: new PaymentService(em, bus, clock, paymentProviders(infra.config), infra.logger),
    reports: new ReportService(em),
    insights: new InsightService(em),
    webhookSecrets,
    webhooks: new WebhookService(em, webhookSecrets, clock, infra.config.webhookAllowPrivate),
  };
}

export type Services = ReturnType<typeof createServices>;

/** The demo provider always (kiosk tap-card, and refunds of demo payments); Stripe when configured. */
function paymentProviders(config: Config) {
  const byName: Record<string, PaymentProvider> = { demo: demoProvider };
  if (config.stripeSecretKey) byName.stripe = stripeProvider(config.stripeSecretKey, config.stripeApiUrl);
  return { active: byName[config.paymentProvider] ?? demoProvider, byName };
}
