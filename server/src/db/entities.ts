import { UserEntity } from '../modules/users/user.entity.js';
import { SiteEntity } from '../modules/sites/site.entity.js';
import { GatewayEntity } from '../modules/devices/gateway.entity.js';
import { KioskEntity } from '../modules/devices/kiosk.entity.js';
import { ApiKeyEntity } from '../modules/api-keys/api-key.entity.js';
import { LockerBankEntity } from '../modules/compartments/locker-bank.entity.js';
import { CompartmentEntity } from '../modules/compartments/compartment.entity.js';
import { CompartmentTransitionEntity } from '../modules/compartments/compartment-transition.entity.js';
import { TariffEntity } from '../modules/tariffs/tariff.entity.js';
import { StorageSessionEntity } from '../modules/sessions/session.entity.js';
import { SessionTransitionEntity } from '../modules/sessions/session-transition.entity.js';
import { DoorEventEntity } from '../modules/door-events/door-event.entity.js';
import { AlertEntity } from '../modules/alerts/alert.entity.js';
import { GatewayCommandEntity } from '../modules/gateway-commands/gateway-command.entity.js';
import { RecoveryCodeEntity } from '../modules/recovery/recovery-code.entity.js';
import { FeedbackEntity } from '../modules/feedback/feedback.entity.js';
import { PaymentEntity } from '../modules/payments/payment.entity.js';
import { NotificationEntity } from '../modules/notifications/notification.entity.js';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from '../modules/webhooks/webhook.entity.js';

export const ENTITIES = [
  UserEntity,
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
  WebhookDeliveryEntity,
];
