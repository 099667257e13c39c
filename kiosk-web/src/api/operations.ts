import { graphql } from './generated';

// Every operation the kiosk and the phone page send. Types come from graphql-codegen (pnpm codegen).

export const MoneyFieldsDoc = graphql(`
  fragment MoneyFields on Money {
    amount
    currency
  }
`);

export const SessionFieldsDoc = graphql(`
  fragment SessionFields on StorageSession {
    id
    status
    size
    createdAt
    depositedAt
    dueAt
    retrievedAt
    overdue
    intent
    amountDue {
      ...MoneyFields
    }
    compartment {
      id
      label
      size
      doorState
    }
    site {
      id
      name
      slug
      phoneUrl
      timezone
      localNames {
        language
        name
      }
    }
    # money inlined, not spread: a spread counts as a level towards the API's depth limit
    terms {
      price {
        amount
        currency
      }
      includedMinutes
      overduePerHour {
        amount
        currency
      }
      amountPaid {
        amount
        currency
      }
      overdueFee {
        amount
        currency
      }
      minutesOverdue
      receiptReference
      codeValidUntil
    }
    # what more time costs while stored (null: none to buy)
    extension {
      stepMinutes
      maxSteps
      stepPrice {
        amount
        currency
      }
    }
  }
`);

export const AccessCodeFieldsDoc = graphql(`
  fragment IssuedCodeFields on IssuedAccessCode {
    session {
      ...SessionFields
    }
    code {
      payload
      shortCode
      qrSvg
      issuedAt
    }
  }
`);

export const KioskSitesDoc = graphql(`
  query KioskSites {
    sites {
      id
      name
      timezone
    }
  }
`);

/** What a traveller is offered per size: how many are free, at what terms, and how big. */
export const AvailabilityFieldsDoc = graphql(`
  fragment AvailabilityFields on SizeAvailability {
    size
    free
    total
    tariff {
      id
      size
      includedMinutes
      graceMinutes
      price {
        ...MoneyFields
      }
      overduePerHour {
        ...MoneyFields
      }
    }
    dimensions {
      widthCm
      heightCm
      depthCm
    }
  }
`);

export const SiteAvailabilityDoc = graphql(`
  query SiteAvailability($siteId: ID!) {
    site(id: $siteId) {
      id
      name
      slug
      phoneUrl
      timezone
      localNames {
        language
        name
      }
      availability {
        ...AvailabilityFields
      }
    }
  }
`);

export const SiteByAddressDoc = graphql(`
  query SiteByAddress($address: String!) {
    siteByAddress(address: $address) {
      id
      name
      slug
      localNames {
        language
        name
      }
    }
  }
`);

/** The phone page's availability feed (public): the site again, with its availability, after each change. */
export const SiteAvailabilityChangedDoc = graphql(`
  subscription SiteAvailabilityChanged($siteId: ID!) {
    siteAvailabilityChanged(siteId: $siteId) {
      id
      availability {
        ...AvailabilityFields
      }
    }
  }
`);

/** The depositor's own session on the phone page, keyed by the code (public); ends if the code is replaced. */
export const StorageUpdatedDoc = graphql(`
  subscription StorageUpdated($siteId: ID!, $payload: String!) {
    storageUpdated(siteId: $siteId, payload: $payload) {
      ...SessionFields
    }
  }
`);

export const CompartmentUpdatedDoc = graphql(`
  subscription CompartmentUpdated($siteId: ID) {
    compartmentUpdated(siteId: $siteId) {
      id
      label
      size
      status
      doorState
      version
    }
  }
`);

export const IssueAccessCodeDoc = graphql(`
  mutation IssueAccessCode(
    $siteId: ID!
    $size: CompartmentSize!
    $contact: ContactInput
    $requestId: String
  ) {
    issueAccessCode(siteId: $siteId, size: $size, contact: $contact, requestId: $requestId) {
      ...IssuedCodeFields
    }
  }
`);

export const ScanAccessCodeDoc = graphql(`
  mutation ScanAccessCode($siteId: ID!, $payload: String!, $intent: ScanIntent) {
    scanAccessCode(siteId: $siteId, payload: $payload, intent: $intent) {
      outcome
      message
      amountDue {
        ...MoneyFields
      }
      session {
        ...SessionFields
      }
      compartment {
        id
        label
        size
        doorState
      }
    }
  }
`);

export const ChangeDepositSizeDoc = graphql(`
  mutation ChangeDepositSize($siteId: ID!, $payload: String!, $size: CompartmentSize!) {
    changeDepositSize(siteId: $siteId, payload: $payload, size: $size) {
      outcome
      message
      amountDue {
        ...MoneyFields
      }
      session {
        ...SessionFields
      }
      compartment {
        id
        label
        size
        doorState
      }
    }
  }
`);

export const SessionByAccessCodeDoc = graphql(`
  query SessionByAccessCode($siteId: ID!, $payload: String!) {
    sessionByAccessCode(siteId: $siteId, payload: $payload) {
      ...SessionFields
    }
  }
`);

export const SessionUpdatedDoc = graphql(`
  subscription SessionUpdated($sessionId: ID!) {
    sessionUpdated(sessionId: $sessionId) {
      ...SessionFields
    }
  }
`);

export const CreatePaymentDoc = graphql(`
  mutation CreatePayment($sessionId: ID!, $payload: String) {
    createPayment(sessionId: $sessionId, payload: $payload) {
      id
      status
      kind
      provider
      amount {
        ...MoneyFields
      }
    }
  }
`);

export const CreateExtensionPaymentDoc = graphql(`
  mutation CreateExtensionPayment($sessionId: ID!, $steps: Int!, $payload: String) {
    createExtensionPayment(sessionId: $sessionId, steps: $steps, payload: $payload) {
      id
      status
      kind
      provider
      extensionMinutes
      amount {
        ...MoneyFields
      }
    }
  }
`);

export const ConfirmDemoPaymentDoc = graphql(`
  mutation ConfirmDemoPayment($paymentId: ID!, $outcome: DemoPaymentOutcome!, $payload: String) {
    confirmDemoPayment(paymentId: $paymentId, outcome: $outcome, payload: $payload) {
      id
      status
      amount {
        ...MoneyFields
      }
    }
  }
`);

export const RequestAssistanceDoc = graphql(`
  mutation RequestAssistance($siteId: ID!, $payload: String, $compartmentLabel: String, $reason: String!) {
    requestAssistance(
      siteId: $siteId
      payload: $payload
      compartmentLabel: $compartmentLabel
      reason: $reason
    ) {
      id
      reference
      createdAt
    }
  }
`);

export const SiteHelpDoc = graphql(`
  query SiteHelp($siteId: ID!) {
    site(id: $siteId) {
      id
      help {
        phone
        hours
      }
    }
  }
`);

export const StartAccessRecoveryDoc = graphql(`
  mutation StartAccessRecovery($siteId: ID!, $contact: ContactInput!) {
    startAccessRecovery(siteId: $siteId, contact: $contact)
  }
`);

export const CompleteAccessRecoveryDoc = graphql(`
  mutation CompleteAccessRecovery($siteId: ID!, $contact: ContactInput!, $oneTimeCode: String!) {
    completeAccessRecovery(siteId: $siteId, contact: $contact, oneTimeCode: $oneTimeCode) {
      ...IssuedCodeFields
    }
  }
`);

export const SubmitFeedbackDoc = graphql(`
  mutation SubmitFeedback($payload: String!, $rating: Int!, $comment: String) {
    submitFeedback(payload: $payload, rating: $rating, comment: $comment)
  }
`);
