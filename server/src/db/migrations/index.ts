import { Migration20261206120000KioskHealth } from './Migration20261206120000KioskHealth.js';
import { Migration20261125000000Init } from './Migration20261125000000Init.js';
import { Migration20261125120000Integrations } from './Migration20261125120000Integrations.js';
import { Migration20261125130000GatewayConnections } from './Migration20261125130000GatewayConnections.js';
import { Migration20261125140000DoorKnownState } from './Migration20261125140000DoorKnownState.js';
import { Migration20261125150000IssueRequestId } from './Migration20261125150000IssueRequestId.js';
import { Migration20261125160000UsageRollup } from './Migration20261125160000UsageRollup.js';
import { Migration20261204100000FieldSafety } from './Migration20261204100000FieldSafety.js';
import { Migration20261204100100CompartmentInspection } from './Migration20261204100100CompartmentInspection.js';
import { Migration20261204110000MoneyHold } from './Migration20261204110000MoneyHold.js';
import { Migration20261204120000UserDisabled } from './Migration20261204120000UserDisabled.js';
import { Migration20261204130000BoardProfiles } from './Migration20261204130000BoardProfiles.js';
import { Migration20261204150000AbandonedBags } from './Migration20261204150000AbandonedBags.js';
import { Migration20261205000000TimePartitions } from './Migration20261205000000TimePartitions.js';
import { Migration20261205090000Lifecycle } from './Migration20261205090000Lifecycle.js';
import { Migration20261205130000AlertLifecycle } from './Migration20261205130000AlertLifecycle.js';
import { Migration20261205100000AuditLog } from './Migration20261205100000AuditLog.js';
import { Migration20261205100000ShortCode } from './Migration20261205100000ShortCode.js';
import { Migration20261205110000DepositorLanguage } from './Migration20261205110000DepositorLanguage.js';
import { Migration20261205100000SiteOfflineEvents } from './Migration20261205100000SiteOfflineEvents.js';
import { Migration20261205140000SiteOutage } from './Migration20261205140000SiteOutage.js';
import { Migration20261206100000SiteHelp } from './Migration20261206100000SiteHelp.js';
import { Migration20261206110000SiteSlug } from './Migration20261206110000SiteSlug.js';
import { Migration20261206110100BankSizeDimensions } from './Migration20261206110100BankSizeDimensions.js';
import { Migration20261206110200SiteLocalNames } from './Migration20261206110200SiteLocalNames.js';
import { Migration20261206130000OfflineDeposits } from './Migration20261206130000OfflineDeposits.js';
import { Migration20261206140700SiteScope } from './Migration20261206140700SiteScope.js';
import { Migration20261206141600StorageExtensions } from './Migration20261206141600StorageExtensions.js';

/** Every migration, in order. Schema changes happen only here, applied at start. */
export const MIGRATIONS = [
  { name: 'Migration20261125000000Init', class: Migration20261125000000Init },
  { name: 'Migration20261125120000Integrations', class: Migration20261125120000Integrations },
  { name: 'Migration20261125130000GatewayConnections', class: Migration20261125130000GatewayConnections },
  { name: 'Migration20261125140000DoorKnownState', class: Migration20261125140000DoorKnownState },
  { name: 'Migration20261125150000IssueRequestId', class: Migration20261125150000IssueRequestId },
  { name: 'Migration20261125160000UsageRollup', class: Migration20261125160000UsageRollup },
  { name: 'Migration20261204100000FieldSafety', class: Migration20261204100000FieldSafety },
  {
    name: 'Migration20261204100100CompartmentInspection',
    class: Migration20261204100100CompartmentInspection,
  },
  { name: 'Migration20261204110000MoneyHold', class: Migration20261204110000MoneyHold },
  { name: 'Migration20261204120000UserDisabled', class: Migration20261204120000UserDisabled },
  { name: 'Migration20261204130000BoardProfiles', class: Migration20261204130000BoardProfiles },
  { name: 'Migration20261204150000AbandonedBags', class: Migration20261204150000AbandonedBags },
  { name: 'Migration20261205000000TimePartitions', class: Migration20261205000000TimePartitions },
  { name: 'Migration20261205090000Lifecycle', class: Migration20261205090000Lifecycle },
  { name: 'Migration20261205100000AuditLog', class: Migration20261205100000AuditLog },
  { name: 'Migration20261205100000ShortCode', class: Migration20261205100000ShortCode },
  { name: 'Migration20261205110000DepositorLanguage', class: Migration20261205110000DepositorLanguage },
  { name: 'Migration20261205100000SiteOfflineEvents', class: Migration20261205100000SiteOfflineEvents },
  { name: 'Migration20261205130000AlertLifecycle', class: Migration20261205130000AlertLifecycle },
  { name: 'Migration20261205140000SiteOutage', class: Migration20261205140000SiteOutage },
  { name: 'Migration20261206100000SiteHelp', class: Migration20261206100000SiteHelp },
  { name: 'Migration20261206110000SiteSlug', class: Migration20261206110000SiteSlug },
  {
    name: 'Migration20261206110100BankSizeDimensions',
    class: Migration20261206110100BankSizeDimensions,
  },
  { name: 'Migration20261206110200SiteLocalNames', class: Migration20261206110200SiteLocalNames },
  { name: 'Migration20261206120000KioskHealth', class: Migration20261206120000KioskHealth },
  { name: 'Migration20261206130000OfflineDeposits', class: Migration20261206130000OfflineDeposits },
  { name: 'Migration20261206140700SiteScope', class: Migration20261206140700SiteScope },
  { name: 'Migration20261206141600StorageExtensions', class: Migration20261206141600StorageExtensions },
];
