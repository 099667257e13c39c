import { graphql } from '../../api/generated';

export const SessionRowFragment = graphql(`
  fragment SessionRow on StorageSession {
    id
    status
    size
    createdAt
    depositedAt
    dueAt
    retrievedAt
    overdue
    contactEmail
    contactPhone
    amountDue {
      amount
      currency
    }
    compartment {
      id
      label
    }
    site {
      id
      name
      timezone
    }
  }
`);

export const SessionsQuery = graphql(`
  query Sessions(
    $siteId: ID
    $status: SessionStatus
    $overdue: Boolean
    $compartmentLabel: String
    $contact: String
    $createdFrom: DateTime
    $createdTo: DateTime
    $first: Int
    $after: String
  ) {
    sessions(
      siteId: $siteId
      status: $status
      overdue: $overdue
      compartmentLabel: $compartmentLabel
      contact: $contact
      createdFrom: $createdFrom
      createdTo: $createdTo
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...SessionRow
      }
    }
  }
`);

export const SessionDetailQuery = graphql(`
  query SessionDetail($id: ID!) {
    session(id: $id) {
      ...SessionRow
      intent
      feedbackRating
      compartment {
        id
        label
        size
        status
        doorState
      }
      events {
        id
        at
        type
        detail
        compartment {
          id
          label
        }
      }
      history {
        at
        from
        to
        actor
        reason
      }
      abandonment {
        abandonedAt
        removedAt
        removedBy
        removedTo
        lostPropertyRef
        claimedAt
        claimedBy
        disposedAt
        disposedBy
        disposalMethod
      }
      payments {
        id
        amount {
          amount
          currency
        }
        status
        kind
        extensionMinutes
        provider
        createdAt
        capturedAt
        refundedAt
        refundSentAt
        refundReason
        refundEffect
        refundedBy
        refundAutomatic
      }
    }
  }
`);

export const SessionUpdatedSubscription = graphql(`
  subscription SessionUpdated($sessionId: ID!) {
    sessionUpdated(sessionId: $sessionId) {
      id
      status
    }
  }
`);

export const RegenerateAccessCodeMutation = graphql(`
  mutation RegenerateAccessCode($sessionId: ID!, $reason: String!) {
    regenerateAccessCode(sessionId: $sessionId, reason: $reason) {
      session {
        id
      }
      code {
        payload
        qrSvg
        issuedAt
      }
    }
  }
`);

export const RefundPaymentMutation = graphql(`
  mutation RefundPayment($paymentId: ID!, $reason: String!, $effect: RefundEffect!) {
    refundPayment(paymentId: $paymentId, reason: $reason, effect: $effect) {
      id
      status
      refundedAt
      refundReason
      refundEffect
      refundedBy
    }
  }
`);

export const RefundPreviewQuery = graphql(`
  query RefundPreview($paymentId: ID!, $effect: RefundEffect!) {
    refundPreview(paymentId: $paymentId, effect: $effect) {
      effect
      refunded {
        amount
        currency
      }
      amountDueNow {
        amount
        currency
      }
      amountDueAfter {
        amount
        currency
      }
    }
  }
`);

export const EndSessionMutation = graphql(`
  mutation EndSession($sessionId: ID!, $reason: String!) {
    endSession(sessionId: $sessionId, reason: $reason) {
      id
      status
      retrievedAt
    }
  }
`);

export const RecordBagRemovalMutation = graphql(`
  mutation RecordBagRemoval($sessionId: ID!, $removedTo: String!, $lostPropertyRef: String!) {
    recordBagRemoval(sessionId: $sessionId, removedTo: $removedTo, lostPropertyRef: $lostPropertyRef) {
      id
      status
    }
  }
`);

export const RecordBagClaimMutation = graphql(`
  mutation RecordBagClaim($sessionId: ID!, $payload: String, $reason: String) {
    recordBagClaim(sessionId: $sessionId, payload: $payload, reason: $reason) {
      id
      status
    }
  }
`);

export const RecordBagDisposalMutation = graphql(`
  mutation RecordBagDisposal($sessionId: ID!, $method: String!) {
    recordBagDisposal(sessionId: $sessionId, method: $method) {
      id
      status
    }
  }
`);

export const SendNewAccessCodeMutation = graphql(`
  mutation SendNewAccessCode($sessionId: ID!, $channel: CodeChannel!, $reason: String!) {
    sendNewAccessCode(sessionId: $sessionId, channel: $channel, reason: $reason) {
      channel
      sentTo
      session {
        id
      }
    }
  }
`);
