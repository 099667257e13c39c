import { UserEntity } from './user.entity.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { SiteEntity } from './site.entity.js';
import { GatewayEntity } from './gateway.entity.js';
import { KioskEntity } from './kiosk.entity.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { LockerBankEntity } from './locker-bank.entity.js';
import { CompartmentEntity } from './compartment.entity.js';
import { CompartmentTransitionEntity } from './compartment-transition.entity.js';
import { TariffEntity } from './tariff.entity.js';
import { StorageSessionEntity } from './session.entity.js';
import { SessionTransitionEntity } from './session-transition.entity.js';
import { DoorEventEntity } from './door-event.entity.js';
import { AlertEntity } from './alert.entity.js';
import { GatewayCommandEntity } from './gateway-command.entity.js';
import { RecoveryCodeEntity } from './recovery-code.entity.js';
import { FeedbackEntity } from './feedback.entity.js';
import { PaymentEntity } from './payment.entity.js';
import { NotificationEntity } from './notification.entity.js';
import { SiteOfflineEventEntity } from './site-offline-event.entity.js';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entity.js';

export const ENTITIES = [
  UserEntity,
  AuditEntryEntity,
  SiteEntity,
  GatewayEntity,
  KioskEntity,
  ApiKeyEntity,
  LockerBankEntity,
  CompartmentEntity,
  CompartmentTransitionEntity,
  TariffEntity,
  StorageSessionEntity,
  SessionTransitionEntity,
  DoorEventEntity,
  AlertEntity,
  GatewayCommandEntity,
  RecoveryCodeEntity,
  FeedbackEntity,
  PaymentEntity,
  NotificationEntity,
  WebhookEndpointEntity,
  SiteOfflineEventEntity,
  WebhookDeliveryEntity,
];
