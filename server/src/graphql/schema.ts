import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { UserResolver } from '../modules/users/user.resolver.js';
import { SiteResolver } from '../modules/sites/site.resolver.js';
import { TariffResolver } from '../modules/tariffs/tariff.resolver.js';
import { LockerBankResolver, CompartmentResolver } from '../modules/compartments/compartment.resolver.js';
import { GatewayFieldsResolver, KioskFieldsResolver } from '../modules/devices/device.resolver.js';
import { ApiKeyResolver } from '../modules/api-keys/api-key.resolver.js';
import { SessionResolver } from '../modules/sessions/session.resolver.js';
import { DoorEventResolver } from '../modules/door-events/door-event.resolver.js';
import { AlertResolver } from '../modules/alerts/alert.resolver.js';
import { GatewayResolver } from '../modules/gateway-commands/gateway.resolver.js';
import { SelfServiceResolver } from '../modules/recovery/recovery.resolver.js';
import { PaymentResolver } from '../modules/payments/payment.resolver.js';
import { ReportResolver } from '../modules/reports/report.resolver.js';
import { InsightResolver } from '../modules/reports/insight.resolver.js';
import { WebhookResolver } from '../modules/webhooks/webhook.resolver.js';
import { DateTime } from './common.types.js';

export const RESOLVERS = [
  UserResolver,
  SiteResolver,
  TariffResolver,
  LockerBankResolver,
  CompartmentResolver,
  GatewayFieldsResolver,
  KioskFieldsResolver,
  ApiKeyResolver,
  SessionResolver,
  DoorEventResolver,
  AlertResolver,
  GatewayResolver,
  SelfServiceResolver,
  PaymentResolver,
  ReportResolver,
  InsightResolver,
  WebhookResolver,
] as const;

/** Subscriptions bring their own streams (`subscribe`), so type-graphql's PubSub is never used. */
const unusedPubSub = {
  publish: () => undefined,
  subscribe: () => {
    throw new Error('unused');
  },
} as unknown as PubSub;

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTime }],
    pubSub: unusedPubSub,
  });
}
