import { graphql } from '../../api/generated';

export const AlertFieldsFragment = graphql(`
  fragment AlertFields on Alert {
    id
    type
    message
    createdAt
    acknowledgedAt
    resolvedAt
    compartment {
      id
      label
    }
    session {
      id
    }
  }
`);

export const AlertsQuery = graphql(`
  query Alerts($siteId: ID, $open: Boolean) {
    alerts(siteId: $siteId, open: $open) {
      ...AlertFields
    }
  }
`);

export const AlertRaisedSubscription = graphql(`
  subscription AlertRaised($siteId: ID) {
    alertRaised(siteId: $siteId) {
      ...AlertFields
    }
  }
`);

export const AcknowledgeAlertMutation = graphql(`
  mutation AcknowledgeAlert($alertId: ID!) {
    acknowledgeAlert(alertId: $alertId) {
      id
      acknowledgedAt
    }
  }
`);
