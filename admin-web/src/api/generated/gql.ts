/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AlertFields on Alert {\n    id\n    type\n    message\n    createdAt\n    acknowledgedAt\n    compartment { id label }\n    session { id }\n  }\n": typeof types.AlertFieldsFragmentDoc,
    "\n  query Alerts($siteId: ID, $open: Boolean) {\n    alerts(siteId: $siteId, open: $open) { ...AlertFields }\n  }\n": typeof types.AlertsDocument,
    "\n  subscription AlertRaised($siteId: ID) {\n    alertRaised(siteId: $siteId) { ...AlertFields }\n  }\n": typeof types.AlertRaisedDocument,
    "\n  mutation AcknowledgeAlert($alertId: ID!) {\n    acknowledgeAlert(alertId: $alertId) { id acknowledgedAt }\n  }\n": typeof types.AcknowledgeAlertDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id email role }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me { id email role }\n  }\n": typeof types.MeDocument,
    "\n  query Sites {\n    sites { id name timezone }\n  }\n": typeof types.SitesDocument,
    "\n  fragment BoardCompartment on Compartment {\n    id\n    label\n    size\n    status\n    doorState\n    version\n    inspectionReason\n    outOfServiceReason\n    bank { id }\n    currentSession { id status overdue }\n  }\n": typeof types.BoardCompartmentFragmentDoc,
    "\n  query BoardSnapshot($siteId: ID!) {\n    site(id: $siteId) {\n      id\n      name\n      timezone\n      banks {\n        id\n        label\n        controller { state since error }\n        compartments { ...BoardCompartment }\n      }\n      gateways { id name online lastSeenAt }\n    }\n  }\n": typeof types.BoardSnapshotDocument,
    "\n  subscription CompartmentUpdated($siteId: ID) {\n    compartmentUpdated(siteId: $siteId) { ...BoardCompartment }\n  }\n": typeof types.CompartmentUpdatedDocument,
    "\n  fragment DoorEventFields on DoorEvent {\n    id\n    at\n    type\n    detail\n    compartment { id label }\n    session { id }\n  }\n": typeof types.DoorEventFieldsFragmentDoc,
    "\n  query RecentDoorEvents($siteId: ID, $first: Int) {\n    doorEvents(siteId: $siteId, first: $first) {\n      nodes { ...DoorEventFields }\n    }\n  }\n": typeof types.RecentDoorEventsDocument,
    "\n  subscription DoorEventsLive($siteId: ID) {\n    doorEvents(siteId: $siteId) { ...DoorEventFields }\n  }\n": typeof types.DoorEventsLiveDocument,
    "\n  mutation OperatorOpenCompartment($compartmentId: ID!, $reason: String!) {\n    operatorOpenCompartment(compartmentId: $compartmentId, reason: $reason) { id at type }\n  }\n": typeof types.OperatorOpenCompartmentDocument,
    "\n  mutation SetCompartmentOutOfService($compartmentId: ID!, $outOfService: Boolean!, $reason: String) {\n    setCompartmentOutOfService(compartmentId: $compartmentId, outOfService: $outOfService, reason: $reason) {\n      ...BoardCompartment\n    }\n  }\n": typeof types.SetCompartmentOutOfServiceDocument,
    "\n  mutation RecordCompartmentInspection($compartmentId: ID!, $outcome: InspectionOutcome!, $note: String) {\n    recordCompartmentInspection(compartmentId: $compartmentId, outcome: $outcome, note: $note) {\n      ...BoardCompartment\n    }\n  }\n": typeof types.RecordCompartmentInspectionDocument,
    "\n  subscription GatewayUpdated($siteId: ID) {\n    gatewayUpdated(siteId: $siteId) { id name online lastSeenAt }\n  }\n": typeof types.GatewayUpdatedDocument,
    "\n  query UsageReport($siteId: ID, $from: DateTime!, $to: DateTime!, $bucket: ReportBucket!) {\n    usageReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {\n      siteId\n      from\n      to\n      bucket\n      buckets {\n        start\n        deposits\n        retrievals\n        averageStorageMinutes\n        peakOccupied\n        revenue { amount currency }\n      }\n    }\n  }\n": typeof types.UsageReportDocument,
    "\n  query InsightReports($siteId: ID, $from: DateTime!, $to: DateTime!, $bucket: ReportBucket!) {\n    occupancyReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {\n      buckets { start size peakOccupied capacity }\n    }\n    storageDurationReport(siteId: $siteId, from: $from, to: $to) {\n      sessions\n      medianMinutes\n      averageMinutes\n      ranges { fromMinutes toMinutes sessions }\n    }\n    overdueReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {\n      buckets { start overdue securityEscalations }\n    }\n    revenueReport(siteId: $siteId, from: $from, to: $to) {\n      bySize { size payments captured { amount currency } refunded { amount currency } net { amount currency } }\n      net { amount currency }\n    }\n    feedbackReport(siteId: $siteId, from: $from, to: $to) {\n      responses\n      averageRating\n      ratingCounts\n      comments { at rating comment sessionId siteId size }\n    }\n  }\n": typeof types.InsightReportsDocument,
    "\n  fragment SessionRow on StorageSession {\n    id\n    status\n    size\n    createdAt\n    depositedAt\n    dueAt\n    retrievedAt\n    overdue\n    contactEmail\n    contactPhone\n    amountDue { amount currency }\n    compartment { id label }\n    site { id name timezone }\n  }\n": typeof types.SessionRowFragmentDoc,
    "\n  query Sessions(\n    $siteId: ID\n    $status: SessionStatus\n    $overdue: Boolean\n    $compartmentLabel: String\n    $contact: String\n    $createdFrom: DateTime\n    $createdTo: DateTime\n    $first: Int\n    $after: String\n  ) {\n    sessions(\n      siteId: $siteId\n      status: $status\n      overdue: $overdue\n      compartmentLabel: $compartmentLabel\n      contact: $contact\n      createdFrom: $createdFrom\n      createdTo: $createdTo\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      nodes { ...SessionRow }\n    }\n  }\n": typeof types.SessionsDocument,
    "\n  query SessionDetail($id: ID!) {\n    session(id: $id) {\n      ...SessionRow\n      intent\n      feedbackRating\n      compartment { id label size status doorState }\n      events { id at type detail compartment { id label } }\n      history { at from to actor reason }\n      abandonment { abandonedAt removedAt removedBy removedTo lostPropertyRef claimedAt claimedBy disposedAt disposedBy disposalMethod }\n      payments { id amount { amount currency } status provider createdAt capturedAt refundedAt refundReason refundEffect refundedBy refundAutomatic }\n    }\n  }\n": typeof types.SessionDetailDocument,
    "\n  subscription SessionUpdated($sessionId: ID!) {\n    sessionUpdated(sessionId: $sessionId) { id status }\n  }\n": typeof types.SessionUpdatedDocument,
    "\n  mutation RegenerateAccessCode($sessionId: ID!, $reason: String!) {\n    regenerateAccessCode(sessionId: $sessionId, reason: $reason) {\n      session { id }\n      code { payload qrSvg issuedAt }\n    }\n  }\n": typeof types.RegenerateAccessCodeDocument,
    "\n  mutation RefundPayment($paymentId: ID!, $reason: String!, $effect: RefundEffect!) {\n    refundPayment(paymentId: $paymentId, reason: $reason, effect: $effect) { id status refundedAt refundReason refundEffect refundedBy }\n  }\n": typeof types.RefundPaymentDocument,
    "\n  query RefundPreview($paymentId: ID!, $effect: RefundEffect!) {\n    refundPreview(paymentId: $paymentId, effect: $effect) {\n      effect\n      refunded { amount currency }\n      amountDueNow { amount currency }\n      amountDueAfter { amount currency }\n    }\n  }\n": typeof types.RefundPreviewDocument,
    "\n  mutation EndSession($sessionId: ID!, $reason: String!) {\n    endSession(sessionId: $sessionId, reason: $reason) { id status retrievedAt }\n  }\n": typeof types.EndSessionDocument,
    "\n  mutation RecordBagRemoval($sessionId: ID!, $removedTo: String!, $lostPropertyRef: String!) {\n    recordBagRemoval(sessionId: $sessionId, removedTo: $removedTo, lostPropertyRef: $lostPropertyRef) { id status }\n  }\n": typeof types.RecordBagRemovalDocument,
    "\n  mutation RecordBagClaim($sessionId: ID!, $payload: String, $reason: String) {\n    recordBagClaim(sessionId: $sessionId, payload: $payload, reason: $reason) { id status }\n  }\n": typeof types.RecordBagClaimDocument,
    "\n  mutation RecordBagDisposal($sessionId: ID!, $method: String!) {\n    recordBagDisposal(sessionId: $sessionId, method: $method) { id status }\n  }\n": typeof types.RecordBagDisposalDocument,
    "\n  fragment TariffFields on Tariff {\n    id\n    size\n    price { amount currency }\n    includedMinutes\n    overduePerHour { amount currency }\n    graceMinutes\n    securityAlertAfterMinutes\n  }\n": typeof types.TariffFieldsFragmentDoc,
    "\n  query SetupSite($id: ID!) {\n    site(id: $id) {\n      id\n      name\n      timezone\n      codeLifetimeMinutes\n      depositWindowSeconds\n      leftOpenSeconds\n      unlockAckTimeoutSeconds\n      gatewayHeartbeatSeconds\n      pulseMs\n      abandonAfterDays\n      tariffs { ...TariffFields }\n      banks {\n        id\n        label\n        modbusEndpoint\n        board { preset pulse timedUnitMs doorSource doorOpenWhen invertedInputs maxOnMs }\n        gateway { id name }\n        compartments { id label size status modbus { endpoint unitId coil doorInput } }\n      }\n      gateways { id name online lastSeenAt }\n      kiosks { id name lastSeenAt }\n    }\n    boardProfiles { preset pulse timedUnitMs doorSource doorOpenWhen }\n  }\n": typeof types.SetupSiteDocument,
    "\n  mutation CreateSite($name: String!, $timezone: String!) {\n    createSite(name: $name, timezone: $timezone) { id name timezone }\n  }\n": typeof types.CreateSiteDocument,
    "\n  mutation UpdateSite(\n    $id: ID!\n    $name: String\n    $timezone: String\n    $codeLifetimeMinutes: Int\n    $depositWindowSeconds: Int\n    $leftOpenSeconds: Int\n    $unlockAckTimeoutSeconds: Int\n    $gatewayHeartbeatSeconds: Int\n    $pulseMs: Int\n    $abandonAfterDays: Int\n  ) {\n    updateSite(\n      id: $id\n      name: $name\n      timezone: $timezone\n      codeLifetimeMinutes: $codeLifetimeMinutes\n      depositWindowSeconds: $depositWindowSeconds\n      leftOpenSeconds: $leftOpenSeconds\n      unlockAckTimeoutSeconds: $unlockAckTimeoutSeconds\n      gatewayHeartbeatSeconds: $gatewayHeartbeatSeconds\n      pulseMs: $pulseMs\n      abandonAfterDays: $abandonAfterDays\n    ) {\n      id\n      name\n      timezone\n      codeLifetimeMinutes\n      depositWindowSeconds\n      leftOpenSeconds\n      unlockAckTimeoutSeconds\n      gatewayHeartbeatSeconds\n      pulseMs\n      abandonAfterDays\n    }\n  }\n": typeof types.UpdateSiteDocument,
    "\n  mutation CreateLockerBank($siteId: ID!, $label: String!, $modbusEndpoint: String!, $board: BoardProfileInput, $compartments: [CompartmentInput!]!) {\n    createLockerBank(siteId: $siteId, label: $label, modbusEndpoint: $modbusEndpoint, board: $board, compartments: $compartments) {\n      id\n      label\n      compartments { id label size status }\n    }\n  }\n": typeof types.CreateLockerBankDocument,
    "\n  mutation SetTariff(\n    $siteId: ID!\n    $size: CompartmentSize!\n    $price: Int!\n    $currency: String!\n    $includedMinutes: Int!\n    $overduePerHour: Int!\n    $graceMinutes: Int!\n    $securityAlertAfterMinutes: Int!\n  ) {\n    setTariff(\n      siteId: $siteId\n      size: $size\n      price: $price\n      currency: $currency\n      includedMinutes: $includedMinutes\n      overduePerHour: $overduePerHour\n      graceMinutes: $graceMinutes\n      securityAlertAfterMinutes: $securityAlertAfterMinutes\n    ) {\n      ...TariffFields\n    }\n  }\n": typeof types.SetTariffDocument,
    "\n  mutation RegisterKiosk($siteId: ID!, $name: String!) {\n    registerKiosk(siteId: $siteId, name: $name) { id token }\n  }\n": typeof types.RegisterKioskDocument,
    "\n  mutation RegisterGateway($siteId: ID!, $name: String!) {\n    registerGateway(siteId: $siteId, name: $name) { id token }\n  }\n": typeof types.RegisterGatewayDocument,
    "\n  query Users {\n    users { id email role }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($email: String!, $password: String!, $role: Role!) {\n    createUser(email: $email, password: $password, role: $role) { id email role }\n  }\n": typeof types.CreateUserDocument,
    "\n  query ApiKeys {\n    apiKeys { id name scopes createdAt revokedAt }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) { id name scopes secret }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation SetLockerBankBoard($bankId: ID!, $board: BoardProfileInput!) {\n    setLockerBankBoard(bankId: $bankId, board: $board) {\n      id\n      board { preset pulse timedUnitMs doorSource doorOpenWhen invertedInputs maxOnMs }\n    }\n  }\n": typeof types.SetLockerBankBoardDocument,
    "\n  query WebhookEndpoints {\n    webhookEndpoints { id url description events createdAt }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int) {\n    webhookDeliveries(endpointId: $endpointId, first: $first) {\n      id\n      eventId\n      event\n      status\n      body\n      createdAt\n      deliveredAt\n      attempts { at statusCode error durationMs }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($url: String!, $events: [WebhookEvent!]!, $description: String) {\n    createWebhookEndpoint(url: $url, events: $events, description: $description) {\n      endpoint { id url description events createdAt }\n      secret\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
};
const documents: Documents = {
    "\n  fragment AlertFields on Alert {\n    id\n    type\n    message\n    createdAt\n    acknowledgedAt\n    compartment { id label }\n    session { id }\n  }\n": types.AlertFieldsFragmentDoc,
    "\n  query Alerts($siteId: ID, $open: Boolean) {\n    alerts(siteId: $siteId, open: $open) { ...AlertFields }\n  }\n": types.AlertsDocument,
    "\n  subscription AlertRaised($siteId: ID) {\n    alertRaised(siteId: $siteId) { ...AlertFields }\n  }\n": types.AlertRaisedDocument,
    "\n  mutation AcknowledgeAlert($alertId: ID!) {\n    acknowledgeAlert(alertId: $alertId) { id acknowledgedAt }\n  }\n": types.AcknowledgeAlertDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id email role }\n    }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me { id email role }\n  }\n": types.MeDocument,
    "\n  query Sites {\n    sites { id name timezone }\n  }\n": types.SitesDocument,
    "\n  fragment BoardCompartment on Compartment {\n    id\n    label\n    size\n    status\n    doorState\n    version\n    inspectionReason\n    outOfServiceReason\n    bank { id }\n    currentSession { id status overdue }\n  }\n": types.BoardCompartmentFragmentDoc,
    "\n  query BoardSnapshot($siteId: ID!) {\n    site(id: $siteId) {\n      id\n      name\n      timezone\n      banks {\n        id\n        label\n        controller { state since error }\n        compartments { ...BoardCompartment }\n      }\n      gateways { id name online lastSeenAt }\n    }\n  }\n": types.BoardSnapshotDocument,
    "\n  subscription CompartmentUpdated($siteId: ID) {\n    compartmentUpdated(siteId: $siteId) { ...BoardCompartment }\n  }\n": types.CompartmentUpdatedDocument,
    "\n  fragment DoorEventFields on DoorEvent {\n    id\n    at\n    type\n    detail\n    compartment { id label }\n    session { id }\n  }\n": types.DoorEventFieldsFragmentDoc,
    "\n  query RecentDoorEvents($siteId: ID, $first: Int) {\n    doorEvents(siteId: $siteId, first: $first) {\n      nodes { ...DoorEventFields }\n    }\n  }\n": types.RecentDoorEventsDocument,
    "\n  subscription DoorEventsLive($siteId: ID) {\n    doorEvents(siteId: $siteId) { ...DoorEventFields }\n  }\n": types.DoorEventsLiveDocument,
    "\n  mutation OperatorOpenCompartment($compartmentId: ID!, $reason: String!) {\n    operatorOpenCompartment(compartmentId: $compartmentId, reason: $reason) { id at type }\n  }\n": types.OperatorOpenCompartmentDocument,
    "\n  mutation SetCompartmentOutOfService($compartmentId: ID!, $outOfService: Boolean!, $reason: String) {\n    setCompartmentOutOfService(compartmentId: $compartmentId, outOfService: $outOfService, reason: $reason) {\n      ...BoardCompartment\n    }\n  }\n": types.SetCompartmentOutOfServiceDocument,
    "\n  mutation RecordCompartmentInspection($compartmentId: ID!, $outcome: InspectionOutcome!, $note: String) {\n    recordCompartmentInspection(compartmentId: $compartmentId, outcome: $outcome, note: $note) {\n      ...BoardCompartment\n    }\n  }\n": types.RecordCompartmentInspectionDocument,
    "\n  subscription GatewayUpdated($siteId: ID) {\n    gatewayUpdated(siteId: $siteId) { id name online lastSeenAt }\n  }\n": types.GatewayUpdatedDocument,
    "\n  query UsageReport($siteId: ID, $from: DateTime!, $to: DateTime!, $bucket: ReportBucket!) {\n    usageReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {\n      siteId\n      from\n      to\n      bucket\n      buckets {\n        start\n        deposits\n        retrievals\n        averageStorageMinutes\n        peakOccupied\n        revenue { amount currency }\n      }\n    }\n  }\n": types.UsageReportDocument,
    "\n  query InsightReports($siteId: ID, $from: DateTime!, $to: DateTime!, $bucket: ReportBucket!) {\n    occupancyReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {\n      buckets { start size peakOccupied capacity }\n    }\n    storageDurationReport(siteId: $siteId, from: $from, to: $to) {\n      sessions\n      medianMinutes\n      averageMinutes\n      ranges { fromMinutes toMinutes sessions }\n    }\n    overdueReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {\n      buckets { start overdue securityEscalations }\n    }\n    revenueReport(siteId: $siteId, from: $from, to: $to) {\n      bySize { size payments captured { amount currency } refunded { amount currency } net { amount currency } }\n      net { amount currency }\n    }\n    feedbackReport(siteId: $siteId, from: $from, to: $to) {\n      responses\n      averageRating\n      ratingCounts\n      comments { at rating comment sessionId siteId size }\n    }\n  }\n": types.InsightReportsDocument,
    "\n  fragment SessionRow on StorageSession {\n    id\n    status\n    size\n    createdAt\n    depositedAt\n    dueAt\n    retrievedAt\n    overdue\n    contactEmail\n    contactPhone\n    amountDue { amount currency }\n    compartment { id label }\n    site { id name timezone }\n  }\n": types.SessionRowFragmentDoc,
    "\n  query Sessions(\n    $siteId: ID\n    $status: SessionStatus\n    $overdue: Boolean\n    $compartmentLabel: String\n    $contact: String\n    $createdFrom: DateTime\n    $createdTo: DateTime\n    $first: Int\n    $after: String\n  ) {\n    sessions(\n      siteId: $siteId\n      status: $status\n      overdue: $overdue\n      compartmentLabel: $compartmentLabel\n      contact: $contact\n      createdFrom: $createdFrom\n      createdTo: $createdTo\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      nodes { ...SessionRow }\n    }\n  }\n": types.SessionsDocument,
    "\n  query SessionDetail($id: ID!) {\n    session(id: $id) {\n      ...SessionRow\n      intent\n      feedbackRating\n      compartment { id label size status doorState }\n      events { id at type detail compartment { id label } }\n      history { at from to actor reason }\n      abandonment { abandonedAt removedAt removedBy removedTo lostPropertyRef claimedAt claimedBy disposedAt disposedBy disposalMethod }\n      payments { id amount { amount currency } status provider createdAt capturedAt refundedAt refundReason refundEffect refundedBy refundAutomatic }\n    }\n  }\n": types.SessionDetailDocument,
    "\n  subscription SessionUpdated($sessionId: ID!) {\n    sessionUpdated(sessionId: $sessionId) { id status }\n  }\n": types.SessionUpdatedDocument,
    "\n  mutation RegenerateAccessCode($sessionId: ID!, $reason: String!) {\n    regenerateAccessCode(sessionId: $sessionId, reason: $reason) {\n      session { id }\n      code { payload qrSvg issuedAt }\n    }\n  }\n": types.RegenerateAccessCodeDocument,
    "\n  mutation RefundPayment($paymentId: ID!, $reason: String!, $effect: RefundEffect!) {\n    refundPayment(paymentId: $paymentId, reason: $reason, effect: $effect) { id status refundedAt refundReason refundEffect refundedBy }\n  }\n": types.RefundPaymentDocument,
    "\n  query RefundPreview($paymentId: ID!, $effect: RefundEffect!) {\n    refundPreview(paymentId: $paymentId, effect: $effect) {\n      effect\n      refunded { amount currency }\n      amountDueNow { amount currency }\n      amountDueAfter { amount currency }\n    }\n  }\n": types.RefundPreviewDocument,
    "\n  mutation EndSession($sessionId: ID!, $reason: String!) {\n    endSession(sessionId: $sessionId, reason: $reason) { id status retrievedAt }\n  }\n": types.EndSessionDocument,
    "\n  mutation RecordBagRemoval($sessionId: ID!, $removedTo: String!, $lostPropertyRef: String!) {\n    recordBagRemoval(sessionId: $sessionId, removedTo: $removedTo, lostPropertyRef: $lostPropertyRef) { id status }\n  }\n": types.RecordBagRemovalDocument,
    "\n  mutation RecordBagClaim($sessionId: ID!, $payload: String, $reason: String) {\n    recordBagClaim(sessionId: $sessionId, payload: $payload, reason: $reason) { id status }\n  }\n": types.RecordBagClaimDocument,
    "\n  mutation RecordBagDisposal($sessionId: ID!, $method: String!) {\n    recordBagDisposal(sessionId: $sessionId, method: $method) { id status }\n  }\n": types.RecordBagDisposalDocument,
    "\n  fragment TariffFields on Tariff {\n    id\n    size\n    price { amount currency }\n    includedMinutes\n    overduePerHour { amount currency }\n    graceMinutes\n    securityAlertAfterMinutes\n  }\n": types.TariffFieldsFragmentDoc,
    "\n  query SetupSite($id: ID!) {\n    site(id: $id) {\n      id\n      name\n      timezone\n      codeLifetimeMinutes\n      depositWindowSeconds\n      leftOpenSeconds\n      unlockAckTimeoutSeconds\n      gatewayHeartbeatSeconds\n      pulseMs\n      abandonAfterDays\n      tariffs { ...TariffFields }\n      banks {\n        id\n        label\n        modbusEndpoint\n        board { preset pulse timedUnitMs doorSource doorOpenWhen invertedInputs maxOnMs }\n        gateway { id name }\n        compartments { id label size status modbus { endpoint unitId coil doorInput } }\n      }\n      gateways { id name online lastSeenAt }\n      kiosks { id name lastSeenAt }\n    }\n    boardProfiles { preset pulse timedUnitMs doorSource doorOpenWhen }\n  }\n": types.SetupSiteDocument,
    "\n  mutation CreateSite($name: String!, $timezone: String!) {\n    createSite(name: $name, timezone: $timezone) { id name timezone }\n  }\n": types.CreateSiteDocument,
    "\n  mutation UpdateSite(\n    $id: ID!\n    $name: String\n    $timezone: String\n    $codeLifetimeMinutes: Int\n    $depositWindowSeconds: Int\n    $leftOpenSeconds: Int\n    $unlockAckTimeoutSeconds: Int\n    $gatewayHeartbeatSeconds: Int\n    $pulseMs: Int\n    $abandonAfterDays: Int\n  ) {\n    updateSite(\n      id: $id\n      name: $name\n      timezone: $timezone\n      codeLifetimeMinutes: $codeLifetimeMinutes\n      depositWindowSeconds: $depositWindowSeconds\n      leftOpenSeconds: $leftOpenSeconds\n      unlockAckTimeoutSeconds: $unlockAckTimeoutSeconds\n      gatewayHeartbeatSeconds: $gatewayHeartbeatSeconds\n      pulseMs: $pulseMs\n      abandonAfterDays: $abandonAfterDays\n    ) {\n      id\n      name\n      timezone\n      codeLifetimeMinutes\n      depositWindowSeconds\n      leftOpenSeconds\n      unlockAckTimeoutSeconds\n      gatewayHeartbeatSeconds\n      pulseMs\n      abandonAfterDays\n    }\n  }\n": types.UpdateSiteDocument,
    "\n  mutation CreateLockerBank($siteId: ID!, $label: String!, $modbusEndpoint: String!, $board: BoardProfileInput, $compartments: [CompartmentInput!]!) {\n    createLockerBank(siteId: $siteId, label: $label, modbusEndpoint: $modbusEndpoint, board: $board, compartments: $compartments) {\n      id\n      label\n      compartments { id label size status }\n    }\n  }\n": types.CreateLockerBankDocument,
    "\n  mutation SetTariff(\n    $siteId: ID!\n    $size: CompartmentSize!\n    $price: Int!\n    $currency: String!\n    $includedMinutes: Int!\n    $overduePerHour: Int!\n    $graceMinutes: Int!\n    $securityAlertAfterMinutes: Int!\n  ) {\n    setTariff(\n      siteId: $siteId\n      size: $size\n      price: $price\n      currency: $currency\n      includedMinutes: $includedMinutes\n      overduePerHour: $overduePerHour\n      graceMinutes: $graceMinutes\n      securityAlertAfterMinutes: $securityAlertAfterMinutes\n    ) {\n      ...TariffFields\n    }\n  }\n": types.SetTariffDocument,
    "\n  mutation RegisterKiosk($siteId: ID!, $name: String!) {\n    registerKiosk(siteId: $siteId, name: $name) { id token }\n  }\n": types.RegisterKioskDocument,
    "\n  mutation RegisterGateway($siteId: ID!, $name: String!) {\n    registerGateway(siteId: $siteId, name: $name) { id token }\n  }\n": types.RegisterGatewayDocument,
    "\n  query Users {\n    users { id email role }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($email: String!, $password: String!, $role: Role!) {\n    createUser(email: $email, password: $password, role: $role) { id email role }\n  }\n": types.CreateUserDocument,
    "\n  query ApiKeys {\n    apiKeys { id name scopes createdAt revokedAt }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) { id name scopes secret }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation SetLockerBankBoard($bankId: ID!, $board: BoardProfileInput!) {\n    setLockerBankBoard(bankId: $bankId, board: $board) {\n      id\n      board { preset pulse timedUnitMs doorSource doorOpenWhen invertedInputs maxOnMs }\n    }\n  }\n": types.SetLockerBankBoardDocument,
    "\n  query WebhookEndpoints {\n    webhookEndpoints { id url description events createdAt }\n  }\n": types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int) {\n    webhookDeliveries(endpointId: $endpointId, first: $first) {\n      id\n      eventId\n      event\n      status\n      body\n      createdAt\n      deliveredAt\n      attempts { at statusCode error durationMs }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($url: String!, $events: [WebhookEvent!]!, $description: String) {\n    createWebhookEndpoint(url: $url, events: $events, description: $description) {\n      endpoint { id url description events createdAt }\n      secret\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertFields on Alert {\n    id\n    type\n    message\n    createdAt\n    acknowledgedAt\n    compartment { id label }\n    session { id }\n  }\n"): (typeof documents)["\n  fragment AlertFields on Alert {\n    id\n    type\n    message\n    createdAt\n    acknowledgedAt\n    compartment { id label }\n    session { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts($siteId: ID, $open: Boolean) {\n    alerts(siteId: $siteId, open: $open) { ...AlertFields }\n  }\n"): (typeof documents)["\n  query Alerts($siteId: ID, $open: Boolean) {\n    alerts(siteId: $siteId, open: $open) { ...AlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertRaised($siteId: ID) {\n    alertRaised(siteId: $siteId) { ...AlertFields }\n  }\n"): (typeof documents)["\n  subscription AlertRaised($siteId: ID) {\n    alertRaised(siteId: $siteId) { ...AlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($alertId: ID!) {\n    acknowledgeAlert(alertId: $alertId) { id acknowledgedAt }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeAlert($alertId: ID!) {\n    acknowledgeAlert(alertId: $alertId) { id acknowledgedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id email role }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id email role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id email role }\n  }\n"): (typeof documents)["\n  query Me {\n    me { id email role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sites {\n    sites { id name timezone }\n  }\n"): (typeof documents)["\n  query Sites {\n    sites { id name timezone }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardCompartment on Compartment {\n    id\n    label\n    size\n    status\n    doorState\n    version\n    inspectionReason\n    outOfServiceReason\n    bank { id }\n    currentSession { id status overdue }\n  }\n"): (typeof documents)["\n  fragment BoardCompartment on Compartment {\n    id\n    label\n    size\n    status\n    doorState\n    version\n    inspectionReason\n    outOfServiceReason\n    bank { id }\n    currentSession { id status overdue }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardSnapshot($siteId: ID!) {\n    site(id: $siteId) {\n      id\n      name\n      timezone\n      banks {\n        id\n        label\n        controller { state since error }\n        compartments { ...BoardCompartment }\n      }\n      gateways { id name online lastSeenAt }\n    }\n  }\n"): (typeof documents)["\n  query BoardSnapshot($siteId: ID!) {\n    site(id: $siteId) {\n      id\n      name\n      timezone\n      banks {\n        id\n        label\n        controller { state since error }\n        compartments { ...BoardCompartment }\n      }\n      gateways { id name online lastSeenAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CompartmentUpdated($siteId: ID) {\n    compartmentUpdated(siteId: $siteId) { ...BoardCompartment }\n  }\n"): (typeof documents)["\n  subscription CompartmentUpdated($siteId: ID) {\n    compartmentUpdated(siteId: $siteId) { ...BoardCompartment }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DoorEventFields on DoorEvent {\n    id\n    at\n    type\n    detail\n    compartment { id label }\n    session { id }\n  }\n"): (typeof documents)["\n  fragment DoorEventFields on DoorEvent {\n    id\n    at\n    type\n    detail\n    compartment { id label }\n    session { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentDoorEvents($siteId: ID, $first: Int) {\n    doorEvents(siteId: $siteId, first: $first) {\n      nodes { ...DoorEventFields }\n    }\n  }\n"): (typeof documents)["\n  query RecentDoorEvents($siteId: ID, $first: Int) {\n    doorEvents(siteId: $siteId, first: $first) {\n      nodes { ...DoorEventFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DoorEventsLive($siteId: ID) {\n    doorEvents(siteId: $siteId) { ...DoorEventFields }\n  }\n"): (typeof documents)["\n  subscription DoorEventsLive($siteId: ID) {\n    doorEvents(siteId: $siteId) { ...DoorEventFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperatorOpenCompartment($compartmentId: ID!, $reason: String!) {\n    operatorOpenCompartment(compartmentId: $compartmentId, reason: $reason) { id at type }\n  }\n"): (typeof documents)["\n  mutation OperatorOpenCompartment($compartmentId: ID!, $reason: String!) {\n    operatorOpenCompartment(compartmentId: $compartmentId, reason: $reason) { id at type }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCompartmentOutOfService($compartmentId: ID!, $outOfService: Boolean!, $reason: String) {\n    setCompartmentOutOfService(compartmentId: $compartmentId, outOfService: $outOfService, reason: $reason) {\n      ...BoardCompartment\n    }\n  }\n"): (typeof documents)["\n  mutation SetCompartmentOutOfService($compartmentId: ID!, $outOfService: Boolean!, $reason: String) {\n    setCompartmentOutOfService(compartmentId: $compartmentId, outOfService: $outOfService, reason: $reason) {\n      ...BoardCompartment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordCompartmentInspection($compartmentId: ID!, $outcome: InspectionOutcome!, $note: String) {\n    recordCompartmentInspection(compartmentId: $compartmentId, outcome: $outcome, note: $note) {\n      ...BoardCompartment\n    }\n  }\n"): (typeof documents)["\n  mutation RecordCompartmentInspection($compartmentId: ID!, $outcome: InspectionOutcome!, $note: String) {\n    recordCompartmentInspection(compartmentId: $compartmentId, outcome: $outcome, note: $note) {\n      ...BoardCompartment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GatewayUpdated($siteId: ID) {\n    gatewayUpdated(siteId: $siteId) { id name online lastSeenAt }\n  }\n"): (typeof documents)["\n  subscription GatewayUpdated($siteId: ID) {\n    gatewayUpdated(siteId: $siteId) { id name online lastSeenAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageReport($siteId: ID, $from: DateTime!, $to: DateTime!, $bucket: ReportBucket!) {\n    usageReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {\n      siteId\n      from\n      to\n      bucket\n      buckets {\n        start\n        deposits\n        retrievals\n        averageStorageMinutes\n        peakOccupied\n        revenue { amount currency }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsageReport($siteId: ID, $from: DateTime!, $to: DateTime!, $bucket: ReportBucket!) {\n    usageReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {\n      siteId\n      from\n      to\n      bucket\n      buckets {\n        start\n        deposits\n        retrievals\n        averageStorageMinutes\n        peakOccupied\n        revenue { amount currency }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InsightReports($siteId: ID, $from: DateTime!, $to: DateTime!, $bucket: ReportBucket!) {\n    occupancyReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {\n      buckets { start size peakOccupied capacity }\n    }\n    storageDurationReport(siteId: $siteId, from: $from, to: $to) {\n      sessions\n      medianMinutes\n      averageMinutes\n      ranges { fromMinutes toMinutes sessions }\n    }\n    overdueReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {\n      buckets { start overdue securityEscalations }\n    }\n    revenueReport(siteId: $siteId, from: $from, to: $to) {\n      bySize { size payments captured { amount currency } refunded { amount currency } net { amount currency } }\n      net { amount currency }\n    }\n    feedbackReport(siteId: $siteId, from: $from, to: $to) {\n      responses\n      averageRating\n      ratingCounts\n      comments { at rating comment sessionId siteId size }\n    }\n  }\n"): (typeof documents)["\n  query InsightReports($siteId: ID, $from: DateTime!, $to: DateTime!, $bucket: ReportBucket!) {\n    occupancyReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {\n      buckets { start size peakOccupied capacity }\n    }\n    storageDurationReport(siteId: $siteId, from: $from, to: $to) {\n      sessions\n      medianMinutes\n      averageMinutes\n      ranges { fromMinutes toMinutes sessions }\n    }\n    overdueReport(siteId: $siteId, from: $from, to: $to, bucket: $bucket) {\n      buckets { start overdue securityEscalations }\n    }\n    revenueReport(siteId: $siteId, from: $from, to: $to) {\n      bySize { size payments captured { amount currency } refunded { amount currency } net { amount currency } }\n      net { amount currency }\n    }\n    feedbackReport(siteId: $siteId, from: $from, to: $to) {\n      responses\n      averageRating\n      ratingCounts\n      comments { at rating comment sessionId siteId size }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionRow on StorageSession {\n    id\n    status\n    size\n    createdAt\n    depositedAt\n    dueAt\n    retrievedAt\n    overdue\n    contactEmail\n    contactPhone\n    amountDue { amount currency }\n    compartment { id label }\n    site { id name timezone }\n  }\n"): (typeof documents)["\n  fragment SessionRow on StorageSession {\n    id\n    status\n    size\n    createdAt\n    depositedAt\n    dueAt\n    retrievedAt\n    overdue\n    contactEmail\n    contactPhone\n    amountDue { amount currency }\n    compartment { id label }\n    site { id name timezone }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sessions(\n    $siteId: ID\n    $status: SessionStatus\n    $overdue: Boolean\n    $compartmentLabel: String\n    $contact: String\n    $createdFrom: DateTime\n    $createdTo: DateTime\n    $first: Int\n    $after: String\n  ) {\n    sessions(\n      siteId: $siteId\n      status: $status\n      overdue: $overdue\n      compartmentLabel: $compartmentLabel\n      contact: $contact\n      createdFrom: $createdFrom\n      createdTo: $createdTo\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      nodes { ...SessionRow }\n    }\n  }\n"): (typeof documents)["\n  query Sessions(\n    $siteId: ID\n    $status: SessionStatus\n    $overdue: Boolean\n    $compartmentLabel: String\n    $contact: String\n    $createdFrom: DateTime\n    $createdTo: DateTime\n    $first: Int\n    $after: String\n  ) {\n    sessions(\n      siteId: $siteId\n      status: $status\n      overdue: $overdue\n      compartmentLabel: $compartmentLabel\n      contact: $contact\n      createdFrom: $createdFrom\n      createdTo: $createdTo\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      nodes { ...SessionRow }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionDetail($id: ID!) {\n    session(id: $id) {\n      ...SessionRow\n      intent\n      feedbackRating\n      compartment { id label size status doorState }\n      events { id at type detail compartment { id label } }\n      history { at from to actor reason }\n      abandonment { abandonedAt removedAt removedBy removedTo lostPropertyRef claimedAt claimedBy disposedAt disposedBy disposalMethod }\n      payments { id amount { amount currency } status provider createdAt capturedAt refundedAt refundReason refundEffect refundedBy refundAutomatic }\n    }\n  }\n"): (typeof documents)["\n  query SessionDetail($id: ID!) {\n    session(id: $id) {\n      ...SessionRow\n      intent\n      feedbackRating\n      compartment { id label size status doorState }\n      events { id at type detail compartment { id label } }\n      history { at from to actor reason }\n      abandonment { abandonedAt removedAt removedBy removedTo lostPropertyRef claimedAt claimedBy disposedAt disposedBy disposalMethod }\n      payments { id amount { amount currency } status provider createdAt capturedAt refundedAt refundReason refundEffect refundedBy refundAutomatic }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SessionUpdated($sessionId: ID!) {\n    sessionUpdated(sessionId: $sessionId) { id status }\n  }\n"): (typeof documents)["\n  subscription SessionUpdated($sessionId: ID!) {\n    sessionUpdated(sessionId: $sessionId) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateAccessCode($sessionId: ID!, $reason: String!) {\n    regenerateAccessCode(sessionId: $sessionId, reason: $reason) {\n      session { id }\n      code { payload qrSvg issuedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation RegenerateAccessCode($sessionId: ID!, $reason: String!) {\n    regenerateAccessCode(sessionId: $sessionId, reason: $reason) {\n      session { id }\n      code { payload qrSvg issuedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundPayment($paymentId: ID!, $reason: String!, $effect: RefundEffect!) {\n    refundPayment(paymentId: $paymentId, reason: $reason, effect: $effect) { id status refundedAt refundReason refundEffect refundedBy }\n  }\n"): (typeof documents)["\n  mutation RefundPayment($paymentId: ID!, $reason: String!, $effect: RefundEffect!) {\n    refundPayment(paymentId: $paymentId, reason: $reason, effect: $effect) { id status refundedAt refundReason refundEffect refundedBy }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefundPreview($paymentId: ID!, $effect: RefundEffect!) {\n    refundPreview(paymentId: $paymentId, effect: $effect) {\n      effect\n      refunded { amount currency }\n      amountDueNow { amount currency }\n      amountDueAfter { amount currency }\n    }\n  }\n"): (typeof documents)["\n  query RefundPreview($paymentId: ID!, $effect: RefundEffect!) {\n    refundPreview(paymentId: $paymentId, effect: $effect) {\n      effect\n      refunded { amount currency }\n      amountDueNow { amount currency }\n      amountDueAfter { amount currency }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession($sessionId: ID!, $reason: String!) {\n    endSession(sessionId: $sessionId, reason: $reason) { id status retrievedAt }\n  }\n"): (typeof documents)["\n  mutation EndSession($sessionId: ID!, $reason: String!) {\n    endSession(sessionId: $sessionId, reason: $reason) { id status retrievedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordBagRemoval($sessionId: ID!, $removedTo: String!, $lostPropertyRef: String!) {\n    recordBagRemoval(sessionId: $sessionId, removedTo: $removedTo, lostPropertyRef: $lostPropertyRef) { id status }\n  }\n"): (typeof documents)["\n  mutation RecordBagRemoval($sessionId: ID!, $removedTo: String!, $lostPropertyRef: String!) {\n    recordBagRemoval(sessionId: $sessionId, removedTo: $removedTo, lostPropertyRef: $lostPropertyRef) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordBagClaim($sessionId: ID!, $payload: String, $reason: String) {\n    recordBagClaim(sessionId: $sessionId, payload: $payload, reason: $reason) { id status }\n  }\n"): (typeof documents)["\n  mutation RecordBagClaim($sessionId: ID!, $payload: String, $reason: String) {\n    recordBagClaim(sessionId: $sessionId, payload: $payload, reason: $reason) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordBagDisposal($sessionId: ID!, $method: String!) {\n    recordBagDisposal(sessionId: $sessionId, method: $method) { id status }\n  }\n"): (typeof documents)["\n  mutation RecordBagDisposal($sessionId: ID!, $method: String!) {\n    recordBagDisposal(sessionId: $sessionId, method: $method) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TariffFields on Tariff {\n    id\n    size\n    price { amount currency }\n    includedMinutes\n    overduePerHour { amount currency }\n    graceMinutes\n    securityAlertAfterMinutes\n  }\n"): (typeof documents)["\n  fragment TariffFields on Tariff {\n    id\n    size\n    price { amount currency }\n    includedMinutes\n    overduePerHour { amount currency }\n    graceMinutes\n    securityAlertAfterMinutes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SetupSite($id: ID!) {\n    site(id: $id) {\n      id\n      name\n      timezone\n      codeLifetimeMinutes\n      depositWindowSeconds\n      leftOpenSeconds\n      unlockAckTimeoutSeconds\n      gatewayHeartbeatSeconds\n      pulseMs\n      abandonAfterDays\n      tariffs { ...TariffFields }\n      banks {\n        id\n        label\n        modbusEndpoint\n        board { preset pulse timedUnitMs doorSource doorOpenWhen invertedInputs maxOnMs }\n        gateway { id name }\n        compartments { id label size status modbus { endpoint unitId coil doorInput } }\n      }\n      gateways { id name online lastSeenAt }\n      kiosks { id name lastSeenAt }\n    }\n    boardProfiles { preset pulse timedUnitMs doorSource doorOpenWhen }\n  }\n"): (typeof documents)["\n  query SetupSite($id: ID!) {\n    site(id: $id) {\n      id\n      name\n      timezone\n      codeLifetimeMinutes\n      depositWindowSeconds\n      leftOpenSeconds\n      unlockAckTimeoutSeconds\n      gatewayHeartbeatSeconds\n      pulseMs\n      abandonAfterDays\n      tariffs { ...TariffFields }\n      banks {\n        id\n        label\n        modbusEndpoint\n        board { preset pulse timedUnitMs doorSource doorOpenWhen invertedInputs maxOnMs }\n        gateway { id name }\n        compartments { id label size status modbus { endpoint unitId coil doorInput } }\n      }\n      gateways { id name online lastSeenAt }\n      kiosks { id name lastSeenAt }\n    }\n    boardProfiles { preset pulse timedUnitMs doorSource doorOpenWhen }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSite($name: String!, $timezone: String!) {\n    createSite(name: $name, timezone: $timezone) { id name timezone }\n  }\n"): (typeof documents)["\n  mutation CreateSite($name: String!, $timezone: String!) {\n    createSite(name: $name, timezone: $timezone) { id name timezone }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSite(\n    $id: ID!\n    $name: String\n    $timezone: String\n    $codeLifetimeMinutes: Int\n    $depositWindowSeconds: Int\n    $leftOpenSeconds: Int\n    $unlockAckTimeoutSeconds: Int\n    $gatewayHeartbeatSeconds: Int\n    $pulseMs: Int\n    $abandonAfterDays: Int\n  ) {\n    updateSite(\n      id: $id\n      name: $name\n      timezone: $timezone\n      codeLifetimeMinutes: $codeLifetimeMinutes\n      depositWindowSeconds: $depositWindowSeconds\n      leftOpenSeconds: $leftOpenSeconds\n      unlockAckTimeoutSeconds: $unlockAckTimeoutSeconds\n      gatewayHeartbeatSeconds: $gatewayHeartbeatSeconds\n      pulseMs: $pulseMs\n      abandonAfterDays: $abandonAfterDays\n    ) {\n      id\n      name\n      timezone\n      codeLifetimeMinutes\n      depositWindowSeconds\n      leftOpenSeconds\n      unlockAckTimeoutSeconds\n      gatewayHeartbeatSeconds\n      pulseMs\n      abandonAfterDays\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSite(\n    $id: ID!\n    $name: String\n    $timezone: String\n    $codeLifetimeMinutes: Int\n    $depositWindowSeconds: Int\n    $leftOpenSeconds: Int\n    $unlockAckTimeoutSeconds: Int\n    $gatewayHeartbeatSeconds: Int\n    $pulseMs: Int\n    $abandonAfterDays: Int\n  ) {\n    updateSite(\n      id: $id\n      name: $name\n      timezone: $timezone\n      codeLifetimeMinutes: $codeLifetimeMinutes\n      depositWindowSeconds: $depositWindowSeconds\n      leftOpenSeconds: $leftOpenSeconds\n      unlockAckTimeoutSeconds: $unlockAckTimeoutSeconds\n      gatewayHeartbeatSeconds: $gatewayHeartbeatSeconds\n      pulseMs: $pulseMs\n      abandonAfterDays: $abandonAfterDays\n    ) {\n      id\n      name\n      timezone\n      codeLifetimeMinutes\n      depositWindowSeconds\n      leftOpenSeconds\n      unlockAckTimeoutSeconds\n      gatewayHeartbeatSeconds\n      pulseMs\n      abandonAfterDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLockerBank($siteId: ID!, $label: String!, $modbusEndpoint: String!, $board: BoardProfileInput, $compartments: [CompartmentInput!]!) {\n    createLockerBank(siteId: $siteId, label: $label, modbusEndpoint: $modbusEndpoint, board: $board, compartments: $compartments) {\n      id\n      label\n      compartments { id label size status }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLockerBank($siteId: ID!, $label: String!, $modbusEndpoint: String!, $board: BoardProfileInput, $compartments: [CompartmentInput!]!) {\n    createLockerBank(siteId: $siteId, label: $label, modbusEndpoint: $modbusEndpoint, board: $board, compartments: $compartments) {\n      id\n      label\n      compartments { id label size status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTariff(\n    $siteId: ID!\n    $size: CompartmentSize!\n    $price: Int!\n    $currency: String!\n    $includedMinutes: Int!\n    $overduePerHour: Int!\n    $graceMinutes: Int!\n    $securityAlertAfterMinutes: Int!\n  ) {\n    setTariff(\n      siteId: $siteId\n      size: $size\n      price: $price\n      currency: $currency\n      includedMinutes: $includedMinutes\n      overduePerHour: $overduePerHour\n      graceMinutes: $graceMinutes\n      securityAlertAfterMinutes: $securityAlertAfterMinutes\n    ) {\n      ...TariffFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetTariff(\n    $siteId: ID!\n    $size: CompartmentSize!\n    $price: Int!\n    $currency: String!\n    $includedMinutes: Int!\n    $overduePerHour: Int!\n    $graceMinutes: Int!\n    $securityAlertAfterMinutes: Int!\n  ) {\n    setTariff(\n      siteId: $siteId\n      size: $size\n      price: $price\n      currency: $currency\n      includedMinutes: $includedMinutes\n      overduePerHour: $overduePerHour\n      graceMinutes: $graceMinutes\n      securityAlertAfterMinutes: $securityAlertAfterMinutes\n    ) {\n      ...TariffFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterKiosk($siteId: ID!, $name: String!) {\n    registerKiosk(siteId: $siteId, name: $name) { id token }\n  }\n"): (typeof documents)["\n  mutation RegisterKiosk($siteId: ID!, $name: String!) {\n    registerKiosk(siteId: $siteId, name: $name) { id token }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterGateway($siteId: ID!, $name: String!) {\n    registerGateway(siteId: $siteId, name: $name) { id token }\n  }\n"): (typeof documents)["\n  mutation RegisterGateway($siteId: ID!, $name: String!) {\n    registerGateway(siteId: $siteId, name: $name) { id token }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users { id email role }\n  }\n"): (typeof documents)["\n  query Users {\n    users { id email role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($email: String!, $password: String!, $role: Role!) {\n    createUser(email: $email, password: $password, role: $role) { id email role }\n  }\n"): (typeof documents)["\n  mutation CreateUser($email: String!, $password: String!, $role: Role!) {\n    createUser(email: $email, password: $password, role: $role) { id email role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys { id name scopes createdAt revokedAt }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys { id name scopes createdAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) { id name scopes secret }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!, $scopes: [String!]!) {\n    createApiKey(name: $name, scopes: $scopes) { id name scopes secret }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLockerBankBoard($bankId: ID!, $board: BoardProfileInput!) {\n    setLockerBankBoard(bankId: $bankId, board: $board) {\n      id\n      board { preset pulse timedUnitMs doorSource doorOpenWhen invertedInputs maxOnMs }\n    }\n  }\n"): (typeof documents)["\n  mutation SetLockerBankBoard($bankId: ID!, $board: BoardProfileInput!) {\n    setLockerBankBoard(bankId: $bankId, board: $board) {\n      id\n      board { preset pulse timedUnitMs doorSource doorOpenWhen invertedInputs maxOnMs }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints { id url description events createdAt }\n  }\n"): (typeof documents)["\n  query WebhookEndpoints {\n    webhookEndpoints { id url description events createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!, $first: Int) {\n    webhookDeliveries(endpointId: $endpointId, first: $first) {\n      id\n      eventId\n      event\n      status\n      body\n      createdAt\n      deliveredAt\n      attempts { at statusCode error durationMs }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($endpointId: ID!, $first: Int) {\n    webhookDeliveries(endpointId: $endpointId, first: $first) {\n      id\n      eventId\n      event\n      status\n      body\n      createdAt\n      deliveredAt\n      attempts { at statusCode error durationMs }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($url: String!, $events: [WebhookEvent!]!, $description: String) {\n    createWebhookEndpoint(url: $url, events: $events, description: $description) {\n      endpoint { id url description events createdAt }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($url: String!, $events: [WebhookEvent!]!, $description: String) {\n    createWebhookEndpoint(url: $url, events: $events, description: $description) {\n      endpoint { id url description events createdAt }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;