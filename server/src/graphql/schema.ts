import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { UserResolver } from './resolvers/user.resolver.js';
import { UserLifecycleResolver } from './resolvers/user-lifecycle.resolver.js';
import { AuditResolver } from './resolvers/audit.resolver.js';
import { EquipmentLifecycleResolver } from './resolvers/equipment-lifecycle.resolver.js';
import { SiteResolver } from './resolvers/site.resolver.js';
import { PhoneLiveResolver } from './resolvers/phone-live.resolver.js';
import { TariffResolver } from './resolvers/tariff.resolver.js';
import { SiteHelpResolver } from './resolvers/site-help.resolver.js';
import { LockerBankResolver, CompartmentResolver } from './resolvers/compartment.resolver.js';
import { GatewayFieldsResolver, KioskFieldsResolver } from './resolvers/device.resolver.js';
import { ApiKeyResolver } from './resolvers/api-key.resolver.js';
import { SessionResolver } from './resolvers/session.resolver.js';
import { SizeChangeResolver } from './resolvers/size-change.resolver.js';
import { SessionTermsResolver } from './resolvers/session-terms.resolver.js';
import { DoorEventResolver } from './resolvers/door-event.resolver.js';
import { AlertResolver } from './resolvers/alert.resolver.js';
import { GatewayResolver } from './resolvers/gateway.resolver.js';
import { SiteReplicaResolver } from './resolvers/site-replica.resolver.js';
import { SelfServiceResolver } from './resolvers/recovery.resolver.js';
import { PaymentResolver } from './resolvers/payment.resolver.js';
import { ReportResolver } from './resolvers/report.resolver.js';
import { InsightResolver } from './resolvers/insight.resolver.js';
import { WebhookResolver } from './resolvers/webhook.resolver.js';
import { DateTime } from '../shared/common.types.js';

export const RESOLVERS = [
  UserResolver,
  UserLifecycleResolver,
  AuditResolver,
  EquipmentLifecycleResolver,
  SiteResolver,
  PhoneLiveResolver,
  SiteHelpResolver,
  TariffResolver,
  LockerBankResolver,
  CompartmentResolver,
  GatewayFieldsResolver,
  KioskFieldsResolver,
  ApiKeyResolver,
  SessionResolver,
  SizeChangeResolver,
  SessionTermsResolver,
  DoorEventResolver,
  AlertResolver,
  GatewayResolver,
  SiteReplicaResolver,
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
