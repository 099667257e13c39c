import { graphql } from '../../api/generated';

export const AlertSummaryFragment = graphql(`
  fragment AlertSummary on Alert {
    id
    type
    message
    status
    createdAt
    acknowledgedAt
    acknowledgedBy
    resolvedAt
    resolvedBy
    assigneeId
    assigneeName
    site {
      id
      name
      timezone
    }
    compartment {
      id
      label
    }
    session {
      id
    }
  }
`);

export const AlertsByStatusQuery = graphql(`
  query AlertsByStatus($siteId: ID, $status: AlertStatus) {
    alerts(siteId: $siteId, status: $status) {
      ...AlertSummary
    }
  }
`);

export const AlertDetailQuery = graphql(`
  query AlertDetail($alertId: ID!) {
    alert(alertId: $alertId) {
      ...AlertSummary
      history {
        at
        action
        actorName
        note
      }
    }
  }
`);

export const AlertAssigneesQuery = graphql(`
  query AlertAssignees($siteId: ID) {
    alertAssignees(siteId: $siteId) {
      id
      name
    }
  }
`);

export const AddAlertNoteMutation = graphql(`
  mutation AddAlertNote($alertId: ID!, $note: String!) {
    addAlertNote(alertId: $alertId, note: $note) {
      id
    }
  }
`);

export const AssignAlertMutation = graphql(`
  mutation AssignAlert($alertId: ID!, $userId: ID) {
    assignAlert(alertId: $alertId, userId: $userId) {
      id
      assigneeId
      assigneeName
    }
  }
`);

export const ResolveAlertMutation = graphql(`
  mutation ResolveAlert($alertId: ID!, $note: String) {
    resolveAlert(alertId: $alertId, note: $note) {
      id
      status
    }
  }
`);
