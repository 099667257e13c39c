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
    "\n  fragment MoneyFields on Money {\n    amount\n    currency\n  }\n": typeof types.MoneyFieldsFragmentDoc,
    "\n  fragment SessionFields on StorageSession {\n    id\n    status\n    size\n    createdAt\n    depositedAt\n    dueAt\n    retrievedAt\n    overdue\n    intent\n    amountDue {\n      ...MoneyFields\n    }\n    compartment {\n      id\n      label\n      size\n      doorState\n    }\n    site {\n      id\n      name\n      slug\n      phoneUrl\n      timezone\n      localNames {\n        language\n        name\n      }\n    }\n    # money inlined, not spread: a spread counts as a level towards the API's depth limit\n    terms {\n      price {\n        amount\n        currency\n      }\n      includedMinutes\n      overduePerHour {\n        amount\n        currency\n      }\n      amountPaid {\n        amount\n        currency\n      }\n      overdueFee {\n        amount\n        currency\n      }\n      minutesOverdue\n      receiptReference\n      codeValidUntil\n    }\n    # what more time costs while stored (null: none to buy)\n    extension {\n      stepMinutes\n      maxSteps\n      stepPrice {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  fragment IssuedCodeFields on IssuedAccessCode {\n    session {\n      ...SessionFields\n    }\n    code {\n      payload\n      shortCode\n      qrSvg\n      issuedAt\n    }\n  }\n": typeof types.IssuedCodeFieldsFragmentDoc,
    "\n  query KioskSites {\n    sites {\n      id\n      name\n      timezone\n    }\n  }\n": typeof types.KioskSitesDocument,
    "\n  fragment AvailabilityFields on SizeAvailability {\n    size\n    free\n    total\n    tariff {\n      id\n      size\n      includedMinutes\n      graceMinutes\n      price {\n        ...MoneyFields\n      }\n      overduePerHour {\n        ...MoneyFields\n      }\n    }\n    dimensions {\n      widthCm\n      heightCm\n      depthCm\n    }\n  }\n": typeof types.AvailabilityFieldsFragmentDoc,
    "\n  query SiteAvailability($siteId: ID!) {\n    site(id: $siteId) {\n      id\n      name\n      slug\n      phoneUrl\n      timezone\n      localNames {\n        language\n        name\n      }\n      availability {\n        ...AvailabilityFields\n      }\n    }\n  }\n": typeof types.SiteAvailabilityDocument,
    "\n  query SiteByAddress($address: String!) {\n    siteByAddress(address: $address) {\n      id\n      name\n      slug\n      localNames {\n        language\n        name\n      }\n    }\n  }\n": typeof types.SiteByAddressDocument,
    "\n  subscription SiteAvailabilityChanged($siteId: ID!) {\n    siteAvailabilityChanged(siteId: $siteId) {\n      id\n      availability {\n        ...AvailabilityFields\n      }\n    }\n  }\n": typeof types.SiteAvailabilityChangedDocument,
    "\n  subscription StorageUpdated($siteId: ID!, $payload: String!) {\n    storageUpdated(siteId: $siteId, payload: $payload) {\n      ...SessionFields\n    }\n  }\n": typeof types.StorageUpdatedDocument,
    "\n  subscription CompartmentUpdated($siteId: ID) {\n    compartmentUpdated(siteId: $siteId) {\n      id\n      label\n      size\n      status\n      doorState\n      version\n    }\n  }\n": typeof types.CompartmentUpdatedDocument,
    "\n  mutation IssueAccessCode(\n    $siteId: ID!\n    $size: CompartmentSize!\n    $contact: ContactInput\n    $requestId: String\n  ) {\n    issueAccessCode(siteId: $siteId, size: $size, contact: $contact, requestId: $requestId) {\n      ...IssuedCodeFields\n    }\n  }\n": typeof types.IssueAccessCodeDocument,
    "\n  mutation ScanAccessCode($siteId: ID!, $payload: String!, $intent: ScanIntent) {\n    scanAccessCode(siteId: $siteId, payload: $payload, intent: $intent) {\n      outcome\n      message\n      amountDue {\n        ...MoneyFields\n      }\n      session {\n        ...SessionFields\n      }\n      compartment {\n        id\n        label\n        size\n        doorState\n      }\n    }\n  }\n": typeof types.ScanAccessCodeDocument,
    "\n  mutation ChangeDepositSize($siteId: ID!, $payload: String!, $size: CompartmentSize!) {\n    changeDepositSize(siteId: $siteId, payload: $payload, size: $size) {\n      outcome\n      message\n      amountDue {\n        ...MoneyFields\n      }\n      session {\n        ...SessionFields\n      }\n      compartment {\n        id\n        label\n        size\n        doorState\n      }\n    }\n  }\n": typeof types.ChangeDepositSizeDocument,
    "\n  query SessionByAccessCode($siteId: ID!, $payload: String!) {\n    sessionByAccessCode(siteId: $siteId, payload: $payload) {\n      ...SessionFields\n    }\n  }\n": typeof types.SessionByAccessCodeDocument,
    "\n  subscription SessionUpdated($sessionId: ID!) {\n    sessionUpdated(sessionId: $sessionId) {\n      ...SessionFields\n    }\n  }\n": typeof types.SessionUpdatedDocument,
    "\n  mutation CreatePayment($sessionId: ID!, $payload: String) {\n    createPayment(sessionId: $sessionId, payload: $payload) {\n      id\n      status\n      kind\n      provider\n      amount {\n        ...MoneyFields\n      }\n    }\n  }\n": typeof types.CreatePaymentDocument,
    "\n  mutation CreateExtensionPayment($sessionId: ID!, $steps: Int!, $payload: String) {\n    createExtensionPayment(sessionId: $sessionId, steps: $steps, payload: $payload) {\n      id\n      status\n      kind\n      provider\n      extensionMinutes\n      amount {\n        ...MoneyFields\n      }\n    }\n  }\n": typeof types.CreateExtensionPaymentDocument,
    "\n  mutation ConfirmDemoPayment($paymentId: ID!, $outcome: DemoPaymentOutcome!, $payload: String) {\n    confirmDemoPayment(paymentId: $paymentId, outcome: $outcome, payload: $payload) {\n      id\n      status\n      amount {\n        ...MoneyFields\n      }\n    }\n  }\n": typeof types.ConfirmDemoPaymentDocument,
    "\n  mutation RequestAssistance($siteId: ID!, $payload: String, $compartmentLabel: String, $reason: String!) {\n    requestAssistance(\n      siteId: $siteId\n      payload: $payload\n      compartmentLabel: $compartmentLabel\n      reason: $reason\n    ) {\n      id\n      reference\n      createdAt\n    }\n  }\n": typeof types.RequestAssistanceDocument,
    "\n  query SiteHelp($siteId: ID!) {\n    site(id: $siteId) {\n      id\n      help {\n        phone\n        hours\n      }\n    }\n  }\n": typeof types.SiteHelpDocument,
    "\n  mutation StartAccessRecovery($siteId: ID!, $contact: ContactInput!) {\n    startAccessRecovery(siteId: $siteId, contact: $contact)\n  }\n": typeof types.StartAccessRecoveryDocument,
    "\n  mutation CompleteAccessRecovery($siteId: ID!, $contact: ContactInput!, $oneTimeCode: String!) {\n    completeAccessRecovery(siteId: $siteId, contact: $contact, oneTimeCode: $oneTimeCode) {\n      ...IssuedCodeFields\n    }\n  }\n": typeof types.CompleteAccessRecoveryDocument,
    "\n  mutation SubmitFeedback($payload: String!, $rating: Int!, $comment: String) {\n    submitFeedback(payload: $payload, rating: $rating, comment: $comment)\n  }\n": typeof types.SubmitFeedbackDocument,
};
const documents: Documents = {
    "\n  fragment MoneyFields on Money {\n    amount\n    currency\n  }\n": types.MoneyFieldsFragmentDoc,
    "\n  fragment SessionFields on StorageSession {\n    id\n    status\n    size\n    createdAt\n    depositedAt\n    dueAt\n    retrievedAt\n    overdue\n    intent\n    amountDue {\n      ...MoneyFields\n    }\n    compartment {\n      id\n      label\n      size\n      doorState\n    }\n    site {\n      id\n      name\n      slug\n      phoneUrl\n      timezone\n      localNames {\n        language\n        name\n      }\n    }\n    # money inlined, not spread: a spread counts as a level towards the API's depth limit\n    terms {\n      price {\n        amount\n        currency\n      }\n      includedMinutes\n      overduePerHour {\n        amount\n        currency\n      }\n      amountPaid {\n        amount\n        currency\n      }\n      overdueFee {\n        amount\n        currency\n      }\n      minutesOverdue\n      receiptReference\n      codeValidUntil\n    }\n    # what more time costs while stored (null: none to buy)\n    extension {\n      stepMinutes\n      maxSteps\n      stepPrice {\n        amount\n        currency\n      }\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  fragment IssuedCodeFields on IssuedAccessCode {\n    session {\n      ...SessionFields\n    }\n    code {\n      payload\n      shortCode\n      qrSvg\n      issuedAt\n    }\n  }\n": types.IssuedCodeFieldsFragmentDoc,
    "\n  query KioskSites {\n    sites {\n      id\n      name\n      timezone\n    }\n  }\n": types.KioskSitesDocument,
    "\n  fragment AvailabilityFields on SizeAvailability {\n    size\n    free\n    total\n    tariff {\n      id\n      size\n      includedMinutes\n      graceMinutes\n      price {\n        ...MoneyFields\n      }\n      overduePerHour {\n        ...MoneyFields\n      }\n    }\n    dimensions {\n      widthCm\n      heightCm\n      depthCm\n    }\n  }\n": types.AvailabilityFieldsFragmentDoc,
    "\n  query SiteAvailability($siteId: ID!) {\n    site(id: $siteId) {\n      id\n      name\n      slug\n      phoneUrl\n      timezone\n      localNames {\n        language\n        name\n      }\n      availability {\n        ...AvailabilityFields\n      }\n    }\n  }\n": types.SiteAvailabilityDocument,
    "\n  query SiteByAddress($address: String!) {\n    siteByAddress(address: $address) {\n      id\n      name\n      slug\n      localNames {\n        language\n        name\n      }\n    }\n  }\n": types.SiteByAddressDocument,
    "\n  subscription SiteAvailabilityChanged($siteId: ID!) {\n    siteAvailabilityChanged(siteId: $siteId) {\n      id\n      availability {\n        ...AvailabilityFields\n      }\n    }\n  }\n": types.SiteAvailabilityChangedDocument,
    "\n  subscription StorageUpdated($siteId: ID!, $payload: String!) {\n    storageUpdated(siteId: $siteId, payload: $payload) {\n      ...SessionFields\n    }\n  }\n": types.StorageUpdatedDocument,
    "\n  subscription CompartmentUpdated($siteId: ID) {\n    compartmentUpdated(siteId: $siteId) {\n      id\n      label\n      size\n      status\n      doorState\n      version\n    }\n  }\n": types.CompartmentUpdatedDocument,
    "\n  mutation IssueAccessCode(\n    $siteId: ID!\n    $size: CompartmentSize!\n    $contact: ContactInput\n    $requestId: String\n  ) {\n    issueAccessCode(siteId: $siteId, size: $size, contact: $contact, requestId: $requestId) {\n      ...IssuedCodeFields\n    }\n  }\n": types.IssueAccessCodeDocument,
    "\n  mutation ScanAccessCode($siteId: ID!, $payload: String!, $intent: ScanIntent) {\n    scanAccessCode(siteId: $siteId, payload: $payload, intent: $intent) {\n      outcome\n      message\n      amountDue {\n        ...MoneyFields\n      }\n      session {\n        ...SessionFields\n      }\n      compartment {\n        id\n        label\n        size\n        doorState\n      }\n    }\n  }\n": types.ScanAccessCodeDocument,
    "\n  mutation ChangeDepositSize($siteId: ID!, $payload: String!, $size: CompartmentSize!) {\n    changeDepositSize(siteId: $siteId, payload: $payload, size: $size) {\n      outcome\n      message\n      amountDue {\n        ...MoneyFields\n      }\n      session {\n        ...SessionFields\n      }\n      compartment {\n        id\n        label\n        size\n        doorState\n      }\n    }\n  }\n": types.ChangeDepositSizeDocument,
    "\n  query SessionByAccessCode($siteId: ID!, $payload: String!) {\n    sessionByAccessCode(siteId: $siteId, payload: $payload) {\n      ...SessionFields\n    }\n  }\n": types.SessionByAccessCodeDocument,
    "\n  subscription SessionUpdated($sessionId: ID!) {\n    sessionUpdated(sessionId: $sessionId) {\n      ...SessionFields\n    }\n  }\n": types.SessionUpdatedDocument,
    "\n  mutation CreatePayment($sessionId: ID!, $payload: String) {\n    createPayment(sessionId: $sessionId, payload: $payload) {\n      id\n      status\n      kind\n      provider\n      amount {\n        ...MoneyFields\n      }\n    }\n  }\n": types.CreatePaymentDocument,
    "\n  mutation CreateExtensionPayment($sessionId: ID!, $steps: Int!, $payload: String) {\n    createExtensionPayment(sessionId: $sessionId, steps: $steps, payload: $payload) {\n      id\n      status\n      kind\n      provider\n      extensionMinutes\n      amount {\n        ...MoneyFields\n      }\n    }\n  }\n": types.CreateExtensionPaymentDocument,
    "\n  mutation ConfirmDemoPayment($paymentId: ID!, $outcome: DemoPaymentOutcome!, $payload: String) {\n    confirmDemoPayment(paymentId: $paymentId, outcome: $outcome, payload: $payload) {\n      id\n      status\n      amount {\n        ...MoneyFields\n      }\n    }\n  }\n": types.ConfirmDemoPaymentDocument,
    "\n  mutation RequestAssistance($siteId: ID!, $payload: String, $compartmentLabel: String, $reason: String!) {\n    requestAssistance(\n      siteId: $siteId\n      payload: $payload\n      compartmentLabel: $compartmentLabel\n      reason: $reason\n    ) {\n      id\n      reference\n      createdAt\n    }\n  }\n": types.RequestAssistanceDocument,
    "\n  query SiteHelp($siteId: ID!) {\n    site(id: $siteId) {\n      id\n      help {\n        phone\n        hours\n      }\n    }\n  }\n": types.SiteHelpDocument,
    "\n  mutation StartAccessRecovery($siteId: ID!, $contact: ContactInput!) {\n    startAccessRecovery(siteId: $siteId, contact: $contact)\n  }\n": types.StartAccessRecoveryDocument,
    "\n  mutation CompleteAccessRecovery($siteId: ID!, $contact: ContactInput!, $oneTimeCode: String!) {\n    completeAccessRecovery(siteId: $siteId, contact: $contact, oneTimeCode: $oneTimeCode) {\n      ...IssuedCodeFields\n    }\n  }\n": types.CompleteAccessRecoveryDocument,
    "\n  mutation SubmitFeedback($payload: String!, $rating: Int!, $comment: String) {\n    submitFeedback(payload: $payload, rating: $rating, comment: $comment)\n  }\n": types.SubmitFeedbackDocument,
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
export function graphql(source: "\n  fragment MoneyFields on Money {\n    amount\n    currency\n  }\n"): (typeof documents)["\n  fragment MoneyFields on Money {\n    amount\n    currency\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on StorageSession {\n    id\n    status\n    size\n    createdAt\n    depositedAt\n    dueAt\n    retrievedAt\n    overdue\n    intent\n    amountDue {\n      ...MoneyFields\n    }\n    compartment {\n      id\n      label\n      size\n      doorState\n    }\n    site {\n      id\n      name\n      slug\n      phoneUrl\n      timezone\n      localNames {\n        language\n        name\n      }\n    }\n    # money inlined, not spread: a spread counts as a level towards the API's depth limit\n    terms {\n      price {\n        amount\n        currency\n      }\n      includedMinutes\n      overduePerHour {\n        amount\n        currency\n      }\n      amountPaid {\n        amount\n        currency\n      }\n      overdueFee {\n        amount\n        currency\n      }\n      minutesOverdue\n      receiptReference\n      codeValidUntil\n    }\n    # what more time costs while stored (null: none to buy)\n    extension {\n      stepMinutes\n      maxSteps\n      stepPrice {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on StorageSession {\n    id\n    status\n    size\n    createdAt\n    depositedAt\n    dueAt\n    retrievedAt\n    overdue\n    intent\n    amountDue {\n      ...MoneyFields\n    }\n    compartment {\n      id\n      label\n      size\n      doorState\n    }\n    site {\n      id\n      name\n      slug\n      phoneUrl\n      timezone\n      localNames {\n        language\n        name\n      }\n    }\n    # money inlined, not spread: a spread counts as a level towards the API's depth limit\n    terms {\n      price {\n        amount\n        currency\n      }\n      includedMinutes\n      overduePerHour {\n        amount\n        currency\n      }\n      amountPaid {\n        amount\n        currency\n      }\n      overdueFee {\n        amount\n        currency\n      }\n      minutesOverdue\n      receiptReference\n      codeValidUntil\n    }\n    # what more time costs while stored (null: none to buy)\n    extension {\n      stepMinutes\n      maxSteps\n      stepPrice {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IssuedCodeFields on IssuedAccessCode {\n    session {\n      ...SessionFields\n    }\n    code {\n      payload\n      shortCode\n      qrSvg\n      issuedAt\n    }\n  }\n"): (typeof documents)["\n  fragment IssuedCodeFields on IssuedAccessCode {\n    session {\n      ...SessionFields\n    }\n    code {\n      payload\n      shortCode\n      qrSvg\n      issuedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KioskSites {\n    sites {\n      id\n      name\n      timezone\n    }\n  }\n"): (typeof documents)["\n  query KioskSites {\n    sites {\n      id\n      name\n      timezone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AvailabilityFields on SizeAvailability {\n    size\n    free\n    total\n    tariff {\n      id\n      size\n      includedMinutes\n      graceMinutes\n      price {\n        ...MoneyFields\n      }\n      overduePerHour {\n        ...MoneyFields\n      }\n    }\n    dimensions {\n      widthCm\n      heightCm\n      depthCm\n    }\n  }\n"): (typeof documents)["\n  fragment AvailabilityFields on SizeAvailability {\n    size\n    free\n    total\n    tariff {\n      id\n      size\n      includedMinutes\n      graceMinutes\n      price {\n        ...MoneyFields\n      }\n      overduePerHour {\n        ...MoneyFields\n      }\n    }\n    dimensions {\n      widthCm\n      heightCm\n      depthCm\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteAvailability($siteId: ID!) {\n    site(id: $siteId) {\n      id\n      name\n      slug\n      phoneUrl\n      timezone\n      localNames {\n        language\n        name\n      }\n      availability {\n        ...AvailabilityFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query SiteAvailability($siteId: ID!) {\n    site(id: $siteId) {\n      id\n      name\n      slug\n      phoneUrl\n      timezone\n      localNames {\n        language\n        name\n      }\n      availability {\n        ...AvailabilityFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteByAddress($address: String!) {\n    siteByAddress(address: $address) {\n      id\n      name\n      slug\n      localNames {\n        language\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query SiteByAddress($address: String!) {\n    siteByAddress(address: $address) {\n      id\n      name\n      slug\n      localNames {\n        language\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SiteAvailabilityChanged($siteId: ID!) {\n    siteAvailabilityChanged(siteId: $siteId) {\n      id\n      availability {\n        ...AvailabilityFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SiteAvailabilityChanged($siteId: ID!) {\n    siteAvailabilityChanged(siteId: $siteId) {\n      id\n      availability {\n        ...AvailabilityFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StorageUpdated($siteId: ID!, $payload: String!) {\n    storageUpdated(siteId: $siteId, payload: $payload) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  subscription StorageUpdated($siteId: ID!, $payload: String!) {\n    storageUpdated(siteId: $siteId, payload: $payload) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CompartmentUpdated($siteId: ID) {\n    compartmentUpdated(siteId: $siteId) {\n      id\n      label\n      size\n      status\n      doorState\n      version\n    }\n  }\n"): (typeof documents)["\n  subscription CompartmentUpdated($siteId: ID) {\n    compartmentUpdated(siteId: $siteId) {\n      id\n      label\n      size\n      status\n      doorState\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueAccessCode(\n    $siteId: ID!\n    $size: CompartmentSize!\n    $contact: ContactInput\n    $requestId: String\n  ) {\n    issueAccessCode(siteId: $siteId, size: $size, contact: $contact, requestId: $requestId) {\n      ...IssuedCodeFields\n    }\n  }\n"): (typeof documents)["\n  mutation IssueAccessCode(\n    $siteId: ID!\n    $size: CompartmentSize!\n    $contact: ContactInput\n    $requestId: String\n  ) {\n    issueAccessCode(siteId: $siteId, size: $size, contact: $contact, requestId: $requestId) {\n      ...IssuedCodeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScanAccessCode($siteId: ID!, $payload: String!, $intent: ScanIntent) {\n    scanAccessCode(siteId: $siteId, payload: $payload, intent: $intent) {\n      outcome\n      message\n      amountDue {\n        ...MoneyFields\n      }\n      session {\n        ...SessionFields\n      }\n      compartment {\n        id\n        label\n        size\n        doorState\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ScanAccessCode($siteId: ID!, $payload: String!, $intent: ScanIntent) {\n    scanAccessCode(siteId: $siteId, payload: $payload, intent: $intent) {\n      outcome\n      message\n      amountDue {\n        ...MoneyFields\n      }\n      session {\n        ...SessionFields\n      }\n      compartment {\n        id\n        label\n        size\n        doorState\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeDepositSize($siteId: ID!, $payload: String!, $size: CompartmentSize!) {\n    changeDepositSize(siteId: $siteId, payload: $payload, size: $size) {\n      outcome\n      message\n      amountDue {\n        ...MoneyFields\n      }\n      session {\n        ...SessionFields\n      }\n      compartment {\n        id\n        label\n        size\n        doorState\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeDepositSize($siteId: ID!, $payload: String!, $size: CompartmentSize!) {\n    changeDepositSize(siteId: $siteId, payload: $payload, size: $size) {\n      outcome\n      message\n      amountDue {\n        ...MoneyFields\n      }\n      session {\n        ...SessionFields\n      }\n      compartment {\n        id\n        label\n        size\n        doorState\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionByAccessCode($siteId: ID!, $payload: String!) {\n    sessionByAccessCode(siteId: $siteId, payload: $payload) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  query SessionByAccessCode($siteId: ID!, $payload: String!) {\n    sessionByAccessCode(siteId: $siteId, payload: $payload) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SessionUpdated($sessionId: ID!) {\n    sessionUpdated(sessionId: $sessionId) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  subscription SessionUpdated($sessionId: ID!) {\n    sessionUpdated(sessionId: $sessionId) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePayment($sessionId: ID!, $payload: String) {\n    createPayment(sessionId: $sessionId, payload: $payload) {\n      id\n      status\n      kind\n      provider\n      amount {\n        ...MoneyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePayment($sessionId: ID!, $payload: String) {\n    createPayment(sessionId: $sessionId, payload: $payload) {\n      id\n      status\n      kind\n      provider\n      amount {\n        ...MoneyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExtensionPayment($sessionId: ID!, $steps: Int!, $payload: String) {\n    createExtensionPayment(sessionId: $sessionId, steps: $steps, payload: $payload) {\n      id\n      status\n      kind\n      provider\n      extensionMinutes\n      amount {\n        ...MoneyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateExtensionPayment($sessionId: ID!, $steps: Int!, $payload: String) {\n    createExtensionPayment(sessionId: $sessionId, steps: $steps, payload: $payload) {\n      id\n      status\n      kind\n      provider\n      extensionMinutes\n      amount {\n        ...MoneyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmDemoPayment($paymentId: ID!, $outcome: DemoPaymentOutcome!, $payload: String) {\n    confirmDemoPayment(paymentId: $paymentId, outcome: $outcome, payload: $payload) {\n      id\n      status\n      amount {\n        ...MoneyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmDemoPayment($paymentId: ID!, $outcome: DemoPaymentOutcome!, $payload: String) {\n    confirmDemoPayment(paymentId: $paymentId, outcome: $outcome, payload: $payload) {\n      id\n      status\n      amount {\n        ...MoneyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestAssistance($siteId: ID!, $payload: String, $compartmentLabel: String, $reason: String!) {\n    requestAssistance(\n      siteId: $siteId\n      payload: $payload\n      compartmentLabel: $compartmentLabel\n      reason: $reason\n    ) {\n      id\n      reference\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation RequestAssistance($siteId: ID!, $payload: String, $compartmentLabel: String, $reason: String!) {\n    requestAssistance(\n      siteId: $siteId\n      payload: $payload\n      compartmentLabel: $compartmentLabel\n      reason: $reason\n    ) {\n      id\n      reference\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteHelp($siteId: ID!) {\n    site(id: $siteId) {\n      id\n      help {\n        phone\n        hours\n      }\n    }\n  }\n"): (typeof documents)["\n  query SiteHelp($siteId: ID!) {\n    site(id: $siteId) {\n      id\n      help {\n        phone\n        hours\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAccessRecovery($siteId: ID!, $contact: ContactInput!) {\n    startAccessRecovery(siteId: $siteId, contact: $contact)\n  }\n"): (typeof documents)["\n  mutation StartAccessRecovery($siteId: ID!, $contact: ContactInput!) {\n    startAccessRecovery(siteId: $siteId, contact: $contact)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteAccessRecovery($siteId: ID!, $contact: ContactInput!, $oneTimeCode: String!) {\n    completeAccessRecovery(siteId: $siteId, contact: $contact, oneTimeCode: $oneTimeCode) {\n      ...IssuedCodeFields\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteAccessRecovery($siteId: ID!, $contact: ContactInput!, $oneTimeCode: String!) {\n    completeAccessRecovery(siteId: $siteId, contact: $contact, oneTimeCode: $oneTimeCode) {\n      ...IssuedCodeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitFeedback($payload: String!, $rating: Int!, $comment: String) {\n    submitFeedback(payload: $payload, rating: $rating, comment: $comment)\n  }\n"): (typeof documents)["\n  mutation SubmitFeedback($payload: String!, $rating: Int!, $comment: String) {\n    submitFeedback(payload: $payload, rating: $rating, comment: $comment)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;